package dev.shoal.contracts.guest;

/**
 * First message to a new node: initialise and start the datastore.
 *
 * @param datastore          datastore manager name ({@code mysql}, {@code cassandra}, {@code mongodb})
 * @param version            datastore version name
 * @param memoryMb           memory the flavor grants; the guest sizes the datastore's caches from it
 * @param volumeSizeGb       volume size the node may use
 * @param sealedRootPassword initial root password, sealed with {@link dev.shoal.contracts.SecretBox}
 * @param cluster            the node's place in a cluster, or null for a standalone instance
 */
public record Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword,
                      ClusterMember cluster) {

    public Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword) {
        this(datastore, version, memoryMb, volumeSizeGb, sealedRootPassword, null);
    }
}
