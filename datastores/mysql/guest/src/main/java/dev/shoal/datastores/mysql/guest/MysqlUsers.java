package dev.shoal.datastores.mysql.guest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tenant's accounts of a master as SQL a replica can load: {@code CREATE USER IF NOT EXISTS} with the same
 * password hash, then the grants. The agent's own accounts and root stay each node's own, so they are left out.
 */
final class MysqlUsers {

    static final Set<String> NODE_OWN = Set.of("", "root", "os_admin", MysqlReplication.REPLICATION_USER,
            "mariadb.sys", "mysql", "PUBLIC");

    private MysqlUsers() {
    }

    static String export(MysqlAccounts accounts) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder();
        try (Connection connection = accounts.admin(); Statement statement = connection.createStatement()) {
            for (String account : tenantAccounts(statement)) {
                try (ResultSet create = statement.executeQuery("show create user " + account)) {
                    create.next();
                    sql.append(ifNotExists(create.getString(1))).append(";\n");
                }
                try (ResultSet grants = statement.executeQuery("show grants for " + account)) {
                    while (grants.next()) {
                        sql.append(grants.getString(1)).append(";\n");
                    }
                }
            }
        }
        return sql.toString();
    }

    static String ifNotExists(String createUser) {
        return createUser.replaceFirst("^CREATE USER ", "CREATE USER IF NOT EXISTS ");
    }

    private static List<String> tenantAccounts(Statement statement) throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select user, host from mysql.user where is_role = 'N'")) {
            while (rows.next()) {
                if (!NODE_OWN.contains(rows.getString(1))) {
                    accounts.add(MysqlAccounts.quote(rows.getString(1)) + "@" + MysqlAccounts.quote(rows.getString(2)));
                }
            }
        }
        return accounts;
    }
}
