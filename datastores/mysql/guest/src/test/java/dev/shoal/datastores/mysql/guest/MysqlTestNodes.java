package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real MariaDB nodes for the replication and backup tests, prepared as the guest prepares them, sharing one snapshot
 * store and one backup store in a directory of each test's own; every server a test started is stopped after it,
 * whatever its outcome. Register it with {@code @RegisterExtension}.
 */
final class MysqlTestNodes implements BeforeEachCallback, AfterEachCallback {

    static final String PASSWORD = "root-pw";

    private final Map<MysqlManager, NodeSecret> secrets = new LinkedHashMap<>();
    private Path work;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        work = Files.createTempDirectory("shoal-mysql-nodes");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (MysqlManager manager : secrets.keySet()) {
                manager.stop();
            }
        } finally {
            secrets.clear();
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Where the nodes' directories, the snapshot store ({@code .snapshots}) and the backup store are. */
    Path work() {
        return work;
    }

    MysqlManager node(String address) throws Exception {
        return node(address, null);
    }

    /** A node whose first start loads {@code restorePoint}, when one is given. */
    MysqlManager node(String address, RestorePoint restorePoint) throws Exception {
        NodeSecret secret = NodeSecret.generate();
        Path nodeDir = Files.createDirectories(work.resolve(address));
        MysqlManager manager = new MysqlManager(new GuestConfig(UUID.randomUUID().toString(), secret, address,
                nodeDir, "amqp://unused", Duration.ofSeconds(1),
                Map.of("snapshot.dir", work.resolve(".snapshots").toString())));
        secrets.put(manager, secret);
        manager.prepare(new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, PASSWORD), null, Map.of(),
                restorePoint));
        return manager;
    }

    /** The replication password of a snapshot, which the guest sealed for the node that took it. */
    String opened(MysqlManager sealedFor, ReplicationSnapshot snapshot) {
        return SecretBox.open(secrets.get(sealedFor), snapshot.sealedReplicationPassword());
    }

    static void sql(String address, String... statements) throws SQLException {
        try (Connection connection = connect(address); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /** The rows of {@code shop.items}, or none while the node cannot answer yet. */
    static List<Integer> ids(String address) {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = connect(address); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from shop.items order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        } catch (SQLException notThereYet) {
            return List.of();
        }
        return ids;
    }

    static Connection connect(String address) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + address + ":3306/?connectTimeout=3000", "root",
                PASSWORD);
    }
}
