package dev.shoal.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bootstrapToken     operator token to ensure at start ({@code SHOAL_BOOTSTRAP_TOKEN}); generated and printed once if unset
 * @param heartbeatExpiry    a node whose last heartbeat is older shows SHUTDOWN
 * @param buildTimeout       deadline of a build: no instance stays in BUILD longer
 * @param deleteTimeout      deadline of a delete
 * @param backupTimeout      deadline of a backup; an instance restored from one has the build timeout plus this
 * @param minVolumeGb        smallest volume a tenant may ask for
 * @param maxVolumeGb        largest volume a tenant may ask for
 * @param defaultPageSize    list size without {@code limit}
 * @param maxPageSize        largest {@code limit}
 * @param maxReplicasPerRequest most replicas one {@code replicate} action creates
 * @param regions            the regions nodes may be placed in; the first is the default
 * @param maxClusterSize     most nodes a cluster may have
 * @param replicationFactor  the replication factor clusters are sized for, where their datastore keeps one (a
 *                           Cassandra ring): a node removal that would leave fewer nodes is refused
 * @param rootEnableTimeout  how long root enable waits for every node to take the new password before it answers
 *                           504; the password is returned only once it works
 * @param logTimeout         how long a log call waits for the node's answer before it answers 504
 * @param outboxPollInterval how often unpublished casts are looked for (they normally leave right after commit)
 * @param nodeDownGrace      how long a ring's node may be down (silent, or its server crashed) before the cluster's
 *                           {@code NodesUp} condition turns False: a guest restarting its server is not an outage
 */
@Validated
@ConfigurationProperties("shoal.api")
public record ApiProperties(
        String bootstrapToken,
        @NotNull @DefaultValue("90s") Duration heartbeatExpiry,
        @NotNull @DefaultValue("10m") Duration buildTimeout,
        @NotNull @DefaultValue("5m") Duration deleteTimeout,
        @NotNull @DefaultValue("30m") Duration backupTimeout,
        @Min(1) @DefaultValue("1") int minVolumeGb,
        @Min(1) @DefaultValue("100") int maxVolumeGb,
        @Min(1) @DefaultValue("20") int defaultPageSize,
        @Min(1) @DefaultValue("1000") int maxPageSize,
        @NotNull @DefaultValue("1s") Duration outboxPollInterval,
        @Min(1) @DefaultValue("5") int maxReplicasPerRequest,
        @NotNull @DefaultValue("local") java.util.List<String> regions,
        @Min(1) @DefaultValue("9") int maxClusterSize,
        @Min(1) @DefaultValue("3") int replicationFactor,
        @NotNull @DefaultValue("30s") Duration rootEnableTimeout,
        @NotNull @DefaultValue("60s") Duration nodeDownGrace,
        @NotNull @DefaultValue("30s") Duration logTimeout) {

    public String defaultRegion() {
        return regions.get(0);
    }

    /** A list's page size: {@code limit}, or the default without one. */
    public int pageSize(Integer limit) {
        int size = limit == null ? defaultPageSize : limit;
        if (size < 1 || size > maxPageSize) {
            throw dev.shoal.api.system.ApiException.invalid("limit", "must be between 1 and " + maxPageSize);
        }
        return size;
    }
}
