package dev.shoal.domain.log;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One published part of an instance's log, an object of Trove's log container, named under its log's prefix. */
@Entity
@Table(name = "instance_log_parts")
public class InstanceLogPart {

    @Id
    private UUID id;
    private String tenantId;
    private UUID instanceId;
    private String logName;
    private String objectName;
    private String content;
    private int bytes;
    private int lines;
    private Instant created;

    protected InstanceLogPart() {
    }

    public InstanceLogPart(InstanceLog log, String objectName, String content, int bytes, int lines, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = log.getTenantId();
        this.instanceId = log.getInstanceId();
        this.logName = log.getName();
        this.objectName = objectName;
        this.content = content;
        this.bytes = bytes;
        this.lines = lines;
        this.created = now;
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

    public String getLogName() {
        return logName;
    }

    public String getObjectName() {
        return objectName;
    }

    public String getContent() {
        return content;
    }

    public int getBytes() {
        return bytes;
    }

    public int getLines() {
        return lines;
    }

    public Instant getCreated() {
        return created;
    }
}
