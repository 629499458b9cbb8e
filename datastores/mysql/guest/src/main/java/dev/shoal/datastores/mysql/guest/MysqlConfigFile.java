package dev.shoal.datastores.mysql.guest;

import java.nio.file.Path;
import java.util.Optional;

/** Renders a node's {@code my.cnf}: everything under the node directory, bound to the node's own address. */
final class MysqlConfigFile {

    static final int PORT = 3306;
    private static final int SOCKET_PATH_LIMIT = 100;
    private static final int MIN_BUFFER_POOL_MB = 32;
    private static final int SEMI_SYNC_TIMEOUT_MS = 3000;

    private MysqlConfigFile() {
    }

    static Path socketPath(Path nodeDir, String nodeId) {
        Path inDir = nodeDir.resolve("mysqld.sock");
        // unix socket paths are limited to ~108 bytes; deep work directories need a short fallback
        return inDir.toString().length() < SOCKET_PATH_LIMIT ? inDir
                : Path.of("/tmp", "shoal-" + nodeId.substring(0, Math.min(8, nodeId.length())) + ".sock");
    }

    /** A stable, positive server id per node, needed for binary-log replication. */
    static long serverId(String nodeId) {
        return (nodeId.hashCode() & 0x7fffffffL) % 4_000_000_000L + 1;
    }

    static long bufferPoolMb(int memoryMb) {
        return Math.max(MIN_BUFFER_POOL_MB, memoryMb / 8);
    }

    static String render(Path nodeDir, String nodeId, String address, int memoryMb, Optional<Path> basedir,
                         boolean runAsRoot) {
        StringBuilder cnf = new StringBuilder("[mysqld]\n");
        basedir.ifPresent(dir -> cnf.append("basedir=").append(dir).append('\n'));
        cnf.append("datadir=").append(nodeDir.resolve("data")).append('\n')
                .append("socket=").append(socketPath(nodeDir, nodeId)).append('\n')
                .append("tmpdir=").append(nodeDir.resolve("tmp")).append('\n')
                .append("pid-file=").append(nodeDir.resolve("mysqld.pid")).append('\n')
                .append("log-error=").append(nodeDir.resolve("mysqld.err")).append('\n')
                .append("slow_query_log_file=").append(nodeDir.resolve(MysqlLogs.SLOW_FILE)).append('\n')
                .append("general_log_file=").append(nodeDir.resolve(MysqlLogs.GENERAL_FILE)).append('\n')
                .append("port=").append(PORT).append('\n')
                .append("bind-address=").append(address).append('\n')
                .append("server-id=").append(serverId(nodeId)).append('\n')
                .append("log-bin=").append(nodeDir.resolve("data").resolve("mysql-bin")).append('\n')
                .append("binlog-format=ROW\n")
                .append("log-slave-updates=1\n")
                .append("gtid-strict-mode=1\n")
                .append("innodb-buffer-pool-size=").append(bufferPoolMb(memoryMb)).append("M\n")
                .append("skip-name-resolve\n")
                // from its first moment: the guest makes it writable once it knows the node leads its set
                .append("read-only=1\n")
                // a commit is acknowledged once a replica holds it too, so a failover loses no acknowledged write;
                // a master without a replica connected does not wait, one whose replicas stop answering falls back to
                // asynchronous replication after the timeout, which its guest reports
                .append("rpl_semi_sync_master_enabled=ON\n")
                .append("rpl_semi_sync_slave_enabled=ON\n")
                .append("rpl_semi_sync_master_wait_point=AFTER_SYNC\n")
                .append("rpl_semi_sync_master_wait_no_slave=OFF\n")
                .append("rpl_semi_sync_master_timeout=").append(SEMI_SYNC_TIMEOUT_MS).append('\n')
                // replicas probe the master's port every second; those probes are no reason to block their host
                .append("max-connect-errors=4294967295\n")
                .append("performance_schema=OFF\n");
        if (runAsRoot) {
            cnf.append("user=root\n");
        }
        // last, so a configuration group's values win over the defaults above
        cnf.append("!include ").append(nodeDir.resolve(MysqlOverrides.FILE)).append('\n');
        // the user logs a tenant switched on, whatever a group says of them
        cnf.append("!include ").append(nodeDir.resolve(MysqlLogs.FILE)).append('\n');
        return cnf.toString();
    }
}
