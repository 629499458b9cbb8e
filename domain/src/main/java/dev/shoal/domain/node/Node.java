package dev.shoal.domain.node;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.domain.secret.EncryptedSecretConverter;
import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One server running one datastore process with one guest agent beside it. */
@Entity
@Table(name = "nodes")
public class Node extends AssignedIdEntity<UUID> {

    public static final String TYPE_MEMBER = "member";

    @Id
    private UUID id;
    private UUID instanceId;
    private UUID clusterId;
    private String tenantId;
    private String name;
    private String type;
    private String region;
    private UUID datastoreVersionId;
    private String flavorId;
    private int volumeSize;
    private UUID configurationId;
    private String computeInstanceId;
    private String hostname;
    private String ip;
    private String serverStatus;
    @Convert(converter = EncryptedSecretConverter.class)
    private String secret;
    @Enumerated(EnumType.STRING)
    private NodeTask task;
    /** The part the node plays in its set or cluster; null until it has one (a cluster's node as the cluster forms). */
    @Enumerated(EnumType.STRING)
    private Role role;
    private String taskDescription;
    private Instant taskStartTime;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;
    /** JSON: the values the datastore last reported running for the parameters configuration groups manage. */
    private String runningConfiguration;

    protected Node() {
    }

    private Node(UUID id, String tenantId, String name, UUID datastoreVersionId, String flavorId, int volumeSize,
                 UUID configurationId, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.type = TYPE_MEMBER;
        this.datastoreVersionId = datastoreVersionId;
        this.flavorId = flavorId;
        this.volumeSize = volumeSize;
        this.configurationId = configurationId;
        this.task = NodeTask.BUILDING;
        this.taskDescription = "Building the node";
        this.taskStartTime = now;
        this.created = now;
        this.updated = now;
    }

    /** The single node of a standalone instance; it starts out building. */
    public static Node forInstance(UUID instanceId, String tenantId, String name, UUID datastoreVersionId,
                                   String flavorId, int volumeSize, UUID configurationId, Instant now) {
        Node node = new Node(UUID.randomUUID(), tenantId, name, datastoreVersionId, flavorId, volumeSize,
                configurationId, now);
        node.instanceId = instanceId;
        return node;
    }

    /** A member of a cluster; {@code type} is {@link #TYPE_MEMBER} or a datastore's own kind (an arbiter). */
    public static Node forCluster(UUID clusterId, String tenantId, String name, String type, String region,
                                  UUID datastoreVersionId, String flavorId, int volumeSize, UUID configurationId,
                                  Instant now) {
        Node node = new Node(UUID.randomUUID(), tenantId, name, datastoreVersionId, flavorId, volumeSize,
                configurationId, now);
        node.clusterId = clusterId;
        node.type = type;
        node.region = region;
        return node;
    }

    public void startTask(NodeTask newTask, String description, Instant now) {
        this.task = newTask;
        this.taskDescription = description;
        this.taskStartTime = now;
        this.updated = now;
    }

    /** The node takes another part in its set or cluster (a replica promoted to master), or none. */
    public void takeRole(Role newRole, Instant now) {
        if (this.role != newRole) {
            this.role = newRole;
            this.updated = now;
        }
    }

    public Role getRole() {
        return role;
    }

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }

    public void finishTask(Instant now) {
        startTask(NodeTask.NONE, null, now);
        this.taskStartTime = null;
    }

    public void fail(NodeTask errorTask, String reason, Instant now) {
        if (!errorTask.isError()) {
            throw new IllegalArgumentException(errorTask + " is not an error task");
        }
        startTask(errorTask, reason, now);
    }

    /** Records where the compute driver placed the node and the secret its guest was given. */
    public void placed(String computeInstanceId, String ip, String hostname, NodeSecret secret, Instant now) {
        this.computeInstanceId = computeInstanceId;
        this.ip = ip;
        this.hostname = hostname;
        this.secret = secret.value();
        this.updated = now;
    }

    public void serverStatus(String status, Instant now) {
        this.serverStatus = status;
        this.updated = now;
    }

    /** Soft delete; the address is released for another node. */
    public void markDeleted(Instant now) {
        this.deletedAt = now;
        this.ip = null;
        this.serverStatus = "DELETED";
        finishTask(now);
    }

    /** The flavor and volume size the node is to run with (a resize), or goes back to after a failed one. */
    public void resize(String newFlavorId, int newVolumeSize, Instant now) {
        this.flavorId = newFlavorId;
        this.volumeSize = newVolumeSize;
        this.updated = now;
    }

    public void runningConfiguration(String json, Instant now) {
        this.runningConfiguration = json;
        this.updated = now;
    }

    public String getRunningConfiguration() {
        return runningConfiguration;
    }

    public Optional<NodeSecret> secret() {
        return Optional.ofNullable(secret).map(NodeSecret::new);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public UUID getClusterId() {
        return clusterId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getRegion() {
        return region;
    }

    public UUID getDatastoreVersionId() {
        return datastoreVersionId;
    }

    public String getFlavorId() {
        return flavorId;
    }

    public int getVolumeSize() {
        return volumeSize;
    }

    public UUID getConfigurationId() {
        return configurationId;
    }

    public String getComputeInstanceId() {
        return computeInstanceId;
    }

    public String getHostname() {
        return hostname;
    }

    public String getIp() {
        return ip;
    }

    public String getServerStatus() {
        return serverStatus;
    }

    public NodeTask getTask() {
        return task;
    }

    public String getTaskDescription() {
        return taskDescription;
    }

    public Instant getTaskStartTime() {
        return taskStartTime;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
