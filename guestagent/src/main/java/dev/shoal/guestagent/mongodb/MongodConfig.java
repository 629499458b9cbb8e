package dev.shoal.guestagent.mongodb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/**
 * Renders a node's {@code mongod.conf}: everything under the node directory, bound to the node's own address.
 * <p>
 * No {@code security} section: internal authentication needs one keyfile shared by every member, and nothing
 * secret is given to every member of a cluster yet (the node secret is per node, the cluster id is not secret).
 * The server therefore runs without access control, reachable only on the node's own address.
 */
final class MongodConfig {

    static final int PORT = 27017;
    private static final BigDecimal MIN_CACHE_GB = new BigDecimal("0.25");

    private MongodConfig() {
    }

    /** The replica set name every member derives alike from the cluster id. */
    static String replicaSetName(String clusterId) {
        return dev.shoal.contracts.guest.ClusterSettings.mongoReplicaSetName(clusterId);
    }

    /** A quarter of the flavor's memory, never below the 0.25 GB mongod accepts as its smallest cache. */
    static BigDecimal cacheSizeGb(int memoryMb) {
        BigDecimal quarter = BigDecimal.valueOf(memoryMb).divide(BigDecimal.valueOf(4L * 1024), 2,
                RoundingMode.DOWN);
        return quarter.max(MIN_CACHE_GB).stripTrailingZeros();
    }

    static String render(Path nodeDir, String address, String replicaSetName, int memoryMb) {
        // no processManagement.fork: the guest keeps mongod as its child, found again through the pid file
        return "net:\n"
                + "  bindIp: " + quote(address) + "\n"
                + "  port: " + PORT + "\n"
                + "storage:\n"
                + "  dbPath: " + quote(nodeDir.resolve("data").toString()) + "\n"
                + "  wiredTiger:\n"
                + "    engineConfig:\n"
                + "      cacheSizeGB: " + cacheSizeGb(memoryMb).toPlainString() + "\n"
                + "systemLog:\n"
                + "  destination: file\n"
                + "  path: " + quote(nodeDir.resolve("mongod.log").toString()) + "\n"
                + "  logAppend: true\n"
                + "processManagement:\n"
                + "  pidFilePath: " + quote(nodeDir.resolve("mongod.pid").toString()) + "\n"
                + "replication:\n"
                + "  replSetName: " + quote(replicaSetName) + "\n";
    }

    /** A YAML double-quoted scalar, so paths with spaces or colons stay one value. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
