package dev.shoal.domain.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "datastore_versions")
public class DatastoreVersion {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "datastore_id")
    private Datastore datastore;
    private String name;
    private boolean active;
    private String packages;
    private String image;

    protected DatastoreVersion() {
    }

    public UUID getId() {
        return id;
    }

    public Datastore getDatastore() {
        return datastore;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public String getPackages() {
        return packages;
    }

    public String getImage() {
        return image;
    }
}
