package dev.shoal.contracts.guest;

/**
 * First message to a new node: initialise and start the datastore.
 *
 * @param datastore          the datastore's manager name, as its descriptor gives it
 * @param version            datastore version name
 * @param memoryMb           memory the flavor grants; the guest sizes the datastore's caches from it
 * @param volumeSizeGb       volume size the node may use
 * @param sealedRootPassword initial root password, sealed with {@link dev.shoal.contracts.SecretBox}
 * @param cluster            the node's place in a cluster, or null for a standalone instance
 * @param overrides          the attached configuration group's values, in the datastore's configuration from the
 *                           first start (none when empty)
 * @param restorePoint       a backup to load once the datastore first runs, or null for an empty one
 */
public record Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword,
                      ClusterMember cluster, java.util.Map<String, String> overrides, RestorePoint restorePoint) {

    public Prepare {
        overrides = overrides == null ? java.util.Map.of() : java.util.Map.copyOf(overrides);
    }

    public Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword,
                   ClusterMember cluster, java.util.Map<String, String> overrides) {
        this(datastore, version, memoryMb, volumeSizeGb, sealedRootPassword, cluster, overrides, null);
    }

    public Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword,
                   ClusterMember cluster) {
        this(datastore, version, memoryMb, volumeSizeGb, sealedRootPassword, cluster, null, null);
    }

    public Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword) {
        this(datastore, version, memoryMb, volumeSizeGb, sealedRootPassword, null, null, null);
    }
}
