package dev.shoal.domain.account;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A database (MySQL's schema) that a tenant asked for on an instance. */
@Entity
@Table(name = "instance_databases")
public class InstanceDatabase extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private UUID instanceId;
    private String name;
    private String characterSet;
    @Column(name = "collation_name")
    private String collate;
    @Enumerated(EnumType.STRING)
    private AccountState state;
    private Instant created;

    protected InstanceDatabase() {
    }

    public InstanceDatabase(UUID instanceId, String name, String characterSet, String collate, Instant now) {
        this.id = UUID.randomUUID();
        this.instanceId = instanceId;
        this.name = name;
        this.characterSet = characterSet;
        this.collate = collate;
        this.state = AccountState.CREATING;
        this.created = now;
    }

    public void created() {
        if (state == AccountState.CREATING) {
            state = AccountState.ACTIVE;
        }
    }

    public void startDeleting() {
        state = AccountState.DELETING;
    }

    /** A drop that failed leaves the database where it was. */
    public void keep() {
        if (state == AccountState.DELETING) {
            state = AccountState.ACTIVE;
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public String getName() {
        return name;
    }

    public String getCharacterSet() {
        return characterSet;
    }

    public String getCollate() {
        return collate;
    }

    public AccountState getState() {
        return state;
    }

    public Instant getCreated() {
        return created;
    }
}
