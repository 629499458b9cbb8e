package dev.shoal.datastores.mysql;

import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Composition;
import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Naming;
import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.datastore.control.PrimaryReplicaClusterStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL as MariaDB or MySQL serves it: a master with read-only replicas by GTID, as instances or as a cluster whose
 * master stays while it has replicas; tenants' databases and users named as Trove's MySQL guest allows them.
 */
public final class MysqlDatastore implements Datastore {

    public static final String NAME = "mysql";

    private static final Naming NAMING = new Naming(64, 32,
            Set.of("mysql", "information_schema", "performance_schema", "sys", "lost+found"),
            // root, the guest's own accounts (os_admin, the replication user os_repl) and the server's
            Set.of("root", "os_admin", "os_repl", "mariadb.sys", "mysql", "public", "debian-sys-maint", "mysql.sys",
                    "mysql.session", "mysql.infoschema"),
            Map.ofEntries(
                    Map.entry("utf8mb4", "utf8mb4_general_ci"), Map.entry("utf8mb3", "utf8mb3_general_ci"),
                    Map.entry("utf8", "utf8_general_ci"), Map.entry("latin1", "latin1_swedish_ci"),
                    Map.entry("latin2", "latin2_general_ci"), Map.entry("ascii", "ascii_general_ci"),
                    Map.entry("binary", "binary"), Map.entry("ucs2", "ucs2_general_ci"),
                    Map.entry("utf16", "utf16_general_ci"), Map.entry("utf32", "utf32_general_ci"),
                    Map.entry("cp1250", "cp1250_general_ci"), Map.entry("cp1251", "cp1251_general_ci"),
                    Map.entry("greek", "greek_general_ci"), Map.entry("hebrew", "hebrew_general_ci"),
                    Map.entry("gbk", "gbk_chinese_ci"), Map.entry("big5", "big5_chinese_ci"),
                    Map.entry("sjis", "sjis_japanese_ci"), Map.entry("euckr", "euckr_korean_ci")),
            "utf8mb4");

    private static final DatastoreDescriptor DESCRIPTOR = new DatastoreDescriptor(NAME, "MySQL", 3306,
            Set.of(DatastoreDescriptor.MEMBER), Set.of(Role.MASTER, Role.REPLICA),
            new Composition(0, 0, false, false, true), NAMING,
            Set.of(Ability.REPLICATION, Ability.CLUSTERS, Ability.BACKUPS, Ability.ACCOUNTS, Ability.CONFIGURATION,
                    Ability.RESIZE));

    @Override
    public DatastoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Every node writes a binary log: any of them may become a master. */
    @Override
    public Map<String, String> clusterSettings(String clusterId) {
        return Map.of("log_bin", "true");
    }

    @Override
    public Optional<ClusterStrategy> clusterStrategy(ClusterPorts ports) {
        return Optional.of(new PrimaryReplicaClusterStrategy(ports.replication()));
    }
}
