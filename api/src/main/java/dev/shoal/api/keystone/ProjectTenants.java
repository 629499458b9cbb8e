package dev.shoal.api.keystone;

import dev.shoal.api.system.ColumnSizes;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Keystone project is a Shoal tenant of the same id. Its first valid token creates the tenant when so configured;
 * a tenant an operator deleted stays deleted, and its project's tokens are refused.
 */
class ProjectTenants {

    /** The ids Shoal's tenants may have; Keystone's generated project ids (32 hex digits) are among them. */
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final JdbcClient jdbc;
    private final boolean create;
    private final Clock clock;

    ProjectTenants(JdbcClient jdbc, boolean create, Clock clock) {
        this.jdbc = jdbc;
        this.create = create;
        this.clock = clock;
    }

    /** @return whether the project's tenant exists (perhaps made just now) and is not deleted */
    boolean ensure(String projectId, String projectName) {
        if (!TENANT_ID.matcher(projectId).matches()) {
            return false;
        }
        if (create) {
            String name = projectName.isBlank() ? projectId : projectName;
            // two first requests of a project at once: one inserts, the other finds it
            jdbc.sql("insert into tenants (id, name, created) values (?, ?, ?) on conflict (id) do nothing")
                    .param(projectId).param(name.length() > ColumnSizes.NAME ? name.substring(0, ColumnSizes.NAME)
                            : name).param(java.sql.Timestamp.from(clock.instant())).update();
        }
        return jdbc.sql("select count(*) from tenants where id = ? and deleted_at is null").param(projectId)
                .query(Long.class).single() > 0;
    }
}
