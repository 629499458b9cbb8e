package dev.shoal.domain.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A size of node; the local driver turns its memory into the datastore's cache settings. */
@Entity
@Table(name = "flavors")
public class Flavor {

    @Id
    private String id;
    private String name;
    private int ramMb;
    private int vcpus;
    private int diskGb;

    protected Flavor() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getRamMb() {
        return ramMb;
    }

    public int getVcpus() {
        return vcpus;
    }

    public int getDiskGb() {
        return diskGb;
    }
}
