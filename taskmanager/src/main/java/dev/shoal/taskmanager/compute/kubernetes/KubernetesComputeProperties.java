package dev.shoal.taskmanager.compute.kubernetes;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kubernetes compute driver ({@code shoal.compute.driver=kubernetes}): every node is a Pod of its datastore's
 * node image.
 *
 * @param namespace           where nodes run; by default the client's own (the task manager's namespace in a Pod)
 * @param images              the node image of each datastore, by its manager's name, such as
 *                            {@code shoal/node-mariadb:0.1.0}
 * @param guestAmqpUri        the broker as the nodes' Pods reach it, with the control plane's credentials (each
 *                            guest logs in with its own account instead); by default the task manager's own
 * @param heartbeatInterval   how often guests send heartbeats
 * @param guestSettings       what every guest is told beyond the images' own settings, by each datastore's names
 * @param storageClass        the StorageClass of the nodes' volumes (one that allows expansion, for resizes); by
 *                            default the cluster's default class
 * @param zones               the topology zone of each of Shoal's regions; empty: regions place nodes anywhere
 * @param sharedClaim         a ReadWriteMany PersistentVolumeClaim every node mounts for replication snapshots and
 *                            backups; none: those stay in each node's volume
 * @param networkPoliciesEnforced whether the cluster's network plugin enforces NetworkPolicies, as security groups
 *                            are reported: a NetworkPolicy with no plugin behind it admits everyone
 * @param keepInterval        how often Pods gone while their node exists (evicted, fenced) are made again
 */
@Validated
@ConfigurationProperties("shoal.compute.kubernetes")
public record KubernetesComputeProperties(
        String namespace,
        Map<String, String> images,
        String guestAmqpUri,
        @NotNull @DefaultValue("10s") Duration heartbeatInterval,
        Map<String, String> guestSettings,
        String storageClass,
        Map<String, String> zones,
        String sharedClaim,
        @DefaultValue("true") boolean networkPoliciesEnforced,
        @NotNull @DefaultValue("10s") Duration keepInterval) {

    public KubernetesComputeProperties {
        images = images == null ? Map.of() : Map.copyOf(images);
        guestSettings = guestSettings == null ? Map.of() : Map.copyOf(guestSettings);
        zones = zones == null ? Map.of() : Map.copyOf(zones);
    }
}
