package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;

/**
 * What a node needs to run: its identity, its place, its size, and the secret its guest signs with.
 *
 * @param group  the cluster the node belongs to, or for a node of an instance its instance: the nodes a driver names
 *               and addresses together
 * @param role   the part the node plays in its set or cluster when it is made, or null
 * @param region where it is to run, or null for anywhere
 */
public record NodeSpec(String nodeId, String tenantId, String group, Role role, String region, String datastore,
                       String version, int ramMb, int vcpus, int volumeSizeGb, String address, NodeSecret secret) {
}
