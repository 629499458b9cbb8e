package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MysqlConfigFileTest {

    private static final String NODE = "0b6c4d0e-4a4b-4b9e-9d8e-1f2a3b4c5d6e";

    @Test
    void keepsEverythingUnderTheNodeDirectoryAndBindsTheNodesAddress() {
        String cnf = MysqlConfigFile.render(Path.of("/srv/nodes/n1"), NODE, "127.0.1.9", 1024, Optional.empty(),
                false);

        assertThat(cnf).contains("datadir=/srv/nodes/n1/data\n", "socket=/srv/nodes/n1/mysqld.sock\n",
                "bind-address=127.0.1.9\n", "port=3306\n", "binlog-format=ROW\n", "gtid-strict-mode=1\n",
                "innodb-buffer-pool-size=128M\n", "read-only=1\n");
        assertThat(cnf).doesNotContain("user=root").doesNotContain("basedir");
    }

    @Test
    void namesTheDistributionDirectoryAndRootUserWhenNeeded() {
        String cnf = MysqlConfigFile.render(Path.of("/n"), NODE, "127.0.1.9", 512, Optional.of(Path.of("/dist")),
                true);
        assertThat(cnf).contains("basedir=/dist\n", "user=root\n", "innodb-buffer-pool-size=64M\n");
    }

    @Test
    void fallsBackToAShortSocketPathForDeepDirectories() {
        Path deep = Path.of("/" + "d".repeat(120));
        assertThat(MysqlConfigFile.socketPath(deep, NODE)).isEqualTo(Path.of("/tmp/shoal-0b6c4d0e.sock"));
    }

    @Test
    void givesEachNodeAStablePositiveServerId() {
        assertThat(MysqlConfigFile.serverId(NODE)).isPositive().isEqualTo(MysqlConfigFile.serverId(NODE));
        assertThat(MysqlConfigFile.bufferPoolMb(64)).isEqualTo(32);
    }
}
