package dev.shoal.taskmanager.compute;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local compute driver: every node is a guest agent process on this host with its own loopback address.
 *
 * @param workDir           one directory per node
 * @param firstAddress      the lowest node address; 127.0.0.x is left to the host's own services
 * @param heartbeatInterval how often guests send heartbeats
 * @param guestJar          the guest agent jar; by default the one shipped inside the task manager
 * @param javaBinary        the JVM guests run on; by default this one
 * @param guestAmqpUri      the broker guests use; by default the task manager's own
 * @param guestSettings     what every guest is told, by each datastore's own names: where its server is, such as
 *                          {@code mysql.mariadbd}, {@code mysql.basedir}, {@code cassandra.lib} or
 *                          {@code mongodb.mongod} (absolute paths); a guest looks on the PATH for what it is not told
 * @param snapshotDir       where MySQL replication snapshots are kept; every node must reach it
 * @param backupDir         the backup store: where backups are kept; every node must reach it
 * @param firewall          {@code none} records security group rules without enforcing them (a developer's
 *                          machine is never changed unasked); {@code iptables} enforces them (needs root)
 * @param iptables          the iptables binary; {@code iptables-restore} is looked for beside it
 */
@Validated
@ConfigurationProperties("shoal.compute.local")
public record LocalComputeProperties(
        @NotNull @DefaultValue("shoal-data/nodes") Path workDir,
        @NotNull @DefaultValue("127.0.1.1") String firstAddress,
        @NotNull @DefaultValue("10s") Duration heartbeatInterval,
        Path guestJar,
        Path javaBinary,
        String guestAmqpUri,
        Map<String, String> guestSettings,
        Path snapshotDir,
        Path backupDir,
        @NotNull @DefaultValue("none") FirewallMode firewall,
        @NotNull @DefaultValue("iptables") String iptables) {

    public LocalComputeProperties {
        guestSettings = guestSettings == null ? Map.of() : Map.copyOf(guestSettings);
    }

    /** The backup store: {@code backupDir}, or {@code .backups} in the work directory. */
    public Path backupStore() {
        return (backupDir != null ? backupDir : workDir.resolve(".backups")).toAbsolutePath();
    }
}
