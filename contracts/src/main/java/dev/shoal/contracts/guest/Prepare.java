package dev.shoal.contracts.guest;

/**
 * First message to a new node: initialise and start the datastore.
 *
 * @param datastore          datastore manager name ({@code mysql})
 * @param version            datastore version name
 * @param memoryMb           memory the flavor grants; the guest sizes the datastore's caches from it
 * @param volumeSizeGb       volume size the node may use
 * @param sealedRootPassword initial root password, sealed with {@link dev.shoal.contracts.SecretBox}
 */
public record Prepare(String datastore, String version, int memoryMb, int volumeSizeGb, String sealedRootPassword) {
}
