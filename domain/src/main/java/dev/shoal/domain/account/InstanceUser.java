package dev.shoal.domain.account;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A MySQL account ({@code 'name'@'host'}) a tenant asked for on an instance, and the databases it may use. */
@Entity
@Table(name = "instance_users")
public class InstanceUser extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private UUID instanceId;
    private String name;
    private String host;
    @Enumerated(EnumType.STRING)
    private AccountState state;
    private Instant created;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "instance_user_grants", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "database_name")
    private Set<String> databases = new TreeSet<>();

    protected InstanceUser() {
    }

    public InstanceUser(UUID instanceId, String name, String host, Collection<String> databases, Instant now) {
        this.id = UUID.randomUUID();
        this.instanceId = instanceId;
        this.name = name;
        this.host = host;
        this.databases.addAll(databases);
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

    /** A drop that failed leaves the user where it was. */
    public void keep() {
        if (state == AccountState.DELETING) {
            state = AccountState.ACTIVE;
        }
    }

    public void grant(Collection<String> names) {
        databases.addAll(names);
    }

    public void revoke(Collection<String> names) {
        databases.removeAll(names);
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

    public String getHost() {
        return host;
    }

    public AccountState getState() {
        return state;
    }

    public Instant getCreated() {
        return created;
    }

    /** Sorted by name. */
    public Set<String> getDatabases() {
        return new TreeSet<>(databases);
    }
}
