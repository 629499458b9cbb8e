package dev.shoal.domain.log;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One log of an instance's node as its guest last reported it (Trove's guest log), with how far it was published: the
 * parts published are kept as {@link InstanceLogPart}s, what the file holds beyond them is pending.
 */
@Entity
@Table(name = "instance_logs")
public class InstanceLog {

    public static final String CONTAINER = "database_logs";

    @Id
    private UUID id;
    private String tenantId;
    private UUID instanceId;
    private String name;
    private String type;
    private boolean enabled;
    private boolean restartRequired;
    private long size;
    private long publishedUpTo;
    private Instant updated;

    protected InstanceLog() {
    }

    public InstanceLog(String tenantId, UUID instanceId, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.instanceId = instanceId;
        this.name = name;
        this.updated = now;
    }

    /** What the guest said of it now. */
    public void reported(String type, boolean enabled, boolean restartRequired, long size, Instant now) {
        this.type = type;
        this.enabled = enabled;
        this.restartRequired = restartRequired;
        this.size = size;
        this.updated = now;
    }

    /** The next publish starts at {@code upTo}; 0 publishes the whole file again. */
    public void publishedUpTo(long upTo, Instant now) {
        this.publishedUpTo = upTo;
        this.updated = now;
    }

    /** Bytes the file holds beyond what was published; a file shorter than that was rotated, and all of it is. */
    public long pending() {
        return size < publishedUpTo ? size : size - publishedUpTo;
    }

    /** Trove's log status. */
    public String status(long publishedBytes) {
        if (restartRequired) {
            return "Restart Required";
        }
        if (!enabled && publishedBytes == 0) {
            return "Disabled";
        }
        if (publishedBytes > 0) {
            return pending() == 0 ? "Published" : "Partial";
        }
        return size == 0 ? "Enabled" : "Ready";
    }

    /** Where its parts are listed: {@code <instance>/<datastore>-<log>/}, as Trove names them. */
    public String prefix(String datastore) {
        return instanceId + "/" + datastore + "-" + name + "/";
    }

    public String metafile(String datastore) {
        return instanceId + "/" + datastore + "-" + name + "_metafile";
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getSize() {
        return size;
    }

    public long getPublishedUpTo() {
        return publishedUpTo;
    }
}
