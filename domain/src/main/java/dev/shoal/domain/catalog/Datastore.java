package dev.shoal.domain.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "datastores")
public class Datastore {

    @Id
    private UUID id;
    private String name;
    /** The guest-side DatastoreManager and task manager strategy that serve it. */
    private String manager;
    private UUID defaultVersionId;

    protected Datastore() {
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getManager() {
        return manager;
    }

    public UUID getDefaultVersionId() {
        return defaultVersionId;
    }
}
