package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.MakeReadOnly;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.taskmanager.guest.GuestClient;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes writable again a master whose server started again unasked, once the control plane still holds it as the
 * master of its set and no operation is changing the set: until then it refuses writes, so that a master failed over
 * while it was away never takes writes beside the new one. Each confirmation carries a fencing epoch drawn as it is
 * decided, from the sequence task leases draw theirs from: a confirmation that arrives after a later task fenced the
 * node is refused by its guest. The task managers' leader looks once a heartbeat interval, and again until the
 * node's heartbeat says it was heard.
 */
@Component
class MasterConfirmations {

    private static final Logger log = LoggerFactory.getLogger(MasterConfirmations.class);

    private final JdbcClient jdbc;
    private final NodeRepository nodes;
    private final GuestClient guests;
    private final Leadership leadership;

    MasterConfirmations(JdbcClient jdbc, NodeRepository nodes, GuestClient guests, Leadership leadership) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.guests = guests;
        this.leadership = leadership;
    }

    @Scheduled(initialDelayString = "${shoal.compute.local.heartbeat-interval:10s}",
            fixedDelayString = "${shoal.compute.local.heartbeat-interval:10s}")
    void confirm() {
        if (!leadership.leads()) {
            return;
        }
        for (Awaiting master : awaiting()) {
            nodes.findById(master.nodeId()).ifPresent(node -> {
                guests.castFenced(node, MessageTypes.MAKE_READ_ONLY, new MakeReadOnly(false),
                        "confirm-master/" + master.epoch(), master.epoch());
                log.info("node {}: confirmed as the master of its set after its server started again unasked;"
                        + " it takes writes again (fencing epoch {})", node.getId(), master.epoch());
            });
        }
    }

    List<Awaiting> awaiting() {
        return jdbc.sql("""
                        select n.id, nextval('task_lease_epochs') as epoch
                          from nodes n join service_statuses s on s.node_id = n.id
                         where s.awaiting_confirmation and s.status = 'RUNNING' and n.role = 'MASTER'
                           and n.task in ('NONE', 'RESTART_REQUIRED') and n.deleted_at is null
                           and not exists (
                               select 1 from tasks t
                                where t.state in ('PENDING', 'RUNNING')
                                  and (t.resource_id = n.instance_id or t.resource_id = n.cluster_id
                                       or t.resource_id in (select r.id from instances r
                                                             where r.slave_of = n.instance_id)))
                        """)
                .query((row, number) -> new Awaiting(row.getObject("id", UUID.class), row.getLong("epoch")))
                .list();
    }

    record Awaiting(UUID nodeId, long epoch) {
    }
}
