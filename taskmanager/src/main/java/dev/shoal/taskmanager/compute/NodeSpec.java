package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.NodeSecret;

/** What a node needs to run: its identity, its size, and the secret its guest signs with. */
public record NodeSpec(String nodeId, String tenantId, String datastore, String version, int ramMb,
                       int volumeSizeGb, String address, NodeSecret secret) {
}
