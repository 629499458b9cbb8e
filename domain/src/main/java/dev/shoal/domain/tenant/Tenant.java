package dev.shoal.domain.tenant;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
public class Tenant extends AssignedIdEntity<String> {

    @Id
    private String id;
    private String name;
    private Instant created;
    private Instant deletedAt;

    protected Tenant() {
    }

    public Tenant(String id, String name, Instant created) {
        this.id = id;
        this.name = name;
        this.created = created;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreated() {
        return created;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
