package dev.shoal.api.condition;

import java.util.List;

/**
 * What the api shows of an instance's replication set or of a cluster beside Trove's fields.
 *
 * @param endpoints    where clients connect
 * @param conditions   null where none applies (a standalone instance)
 * @param autoFailover the set's setting; null where the datastore has no master to fail over
 */
public record SetStatus(Endpoints endpoints, List<Condition> conditions, Boolean autoFailover) {
}
