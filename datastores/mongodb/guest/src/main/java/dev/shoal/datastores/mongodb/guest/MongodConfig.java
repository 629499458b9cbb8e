package dev.shoal.datastores.mongodb.guest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

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
        return dev.shoal.datastores.mongodb.MongoDatastore.replicaSetName(clusterId);
    }

    /** A quarter of the flavor's memory, never below the 0.25 GB mongod accepts as its smallest cache. */
    static BigDecimal cacheSizeGb(int memoryMb) {
        BigDecimal quarter = BigDecimal.valueOf(memoryMb).divide(BigDecimal.valueOf(4L * 1024), 2,
                RoundingMode.DOWN);
        return quarter.max(MIN_CACHE_GB).stripTrailingZeros();
    }

    static String render(Path nodeDir, String address, String replicaSetName, int memoryMb) {
        return render(nodeDir, address, replicaSetName, memoryMb, Map.of());
    }

    /**
     * @param overrides a configuration group's values by parameter name ({@link MongoParameter}); others (the
     *                  read-only {@code replSet}, which the cluster sets) are not the group's to write
     */
    static String render(Path nodeDir, String address, String replicaSetName, int memoryMb,
                         Map<String, String> overrides) {
        Map<MongoParameter, String> values = new EnumMap<>(MongoParameter.class);
        overrides.forEach((name, value) -> MongoParameter.of(name).ifPresent(p -> values.put(p, value)));
        // no processManagement.fork: the guest keeps mongod as its child, found again through the pid file
        StringBuilder conf = new StringBuilder("net:\n")
                .append("  bindIp: ").append(quote(address)).append("\n")
                .append("  port: ").append(PORT).append("\n");
        section(conf, "  ", values, MongoParameter.Where.NET);
        conf.append("storage:\n")
                .append("  dbPath: ").append(quote(nodeDir.resolve("data").toString())).append("\n")
                .append("  wiredTiger:\n")
                .append("    engineConfig:\n")
                .append("      cacheSizeGB: ").append(cacheSizeGb(memoryMb).toPlainString()).append("\n")
                .append("systemLog:\n")
                .append("  destination: file\n")
                .append("  path: ").append(quote(nodeDir.resolve("mongod.log").toString())).append("\n")
                .append("  logAppend: true\n")
                .append("processManagement:\n")
                .append("  pidFilePath: ").append(quote(nodeDir.resolve("mongod.pid").toString())).append("\n")
                .append("replication:\n")
                .append("  replSetName: ").append(quote(replicaSetName)).append("\n");
        if (values.containsKey(MongoParameter.SLOW_OP_THRESHOLD_MS)) {
            conf.append("operationProfiling:\n  slowOpThresholdMs: ")
                    .append(MongoParameter.SLOW_OP_THRESHOLD_MS.typed(values.get(MongoParameter.SLOW_OP_THRESHOLD_MS)))
                    .append("\n");
        }
        if (values.keySet().stream().anyMatch(p -> p.where() == MongoParameter.Where.SET_PARAMETER)) {
            conf.append("setParameter:\n");
            section(conf, "  ", values, MongoParameter.Where.SET_PARAMETER);
        }
        return conf.toString();
    }

    private static void section(StringBuilder conf, String indent, Map<MongoParameter, String> values,
                                MongoParameter.Where where) {
        values.forEach((parameter, value) -> {
            if (parameter.where() == where) {
                conf.append(indent).append(parameter.parameterName()).append(": ").append(parameter.typed(value))
                        .append("\n");
            }
        });
    }

    /** A YAML double-quoted scalar, so paths with spaces or colons stay one value. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
