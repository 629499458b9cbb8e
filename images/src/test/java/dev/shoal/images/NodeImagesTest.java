package dev.shoal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The node images: the guest agent as entry point, reading the guest.properties of the node directory mounted on
 * /var/lib/shoal/node, and the datastore server it starts where the image's labels say it is.
 */
class NodeImagesTest {

    private static final String GUEST_AGENT = "dev.shoal.guestagent.GuestAgent";
    private static final String NODE_DIR = "/var/lib/shoal/node";
    /** The uid every Shoal image runs as, the chart's runAsUser for the services. */
    private static final long USER = 10001;

    @ParameterizedTest
    @ValueSource(strings = {"node-mariadb", "node-cassandra", "node-postgresql"})
    void startsTheGuestAgentOnTheMountedNodeDirectory(String name) {
        ImageArchive image = BuiltImages.archive(name);

        assertThat(image.repoTags()).containsExactly("shoal/" + name + ":" + BuiltImages.chart().appVersion());
        assertThat(image.entrypoint()).first().isEqualTo("java");
        assertThat(image.entrypoint()).last().isEqualTo(GUEST_AGENT);
        assertThat(image.cmd()).containsExactly(NODE_DIR + "/guest.properties");
        assertThat(image.containerConfig().path("Volumes").propertyNames()).containsExactly(NODE_DIR);
        assertThat(image.filesUnder("app")).contains("app/classes/dev/shoal/guestagent/GuestAgent.class")
                .anyMatch(file -> file.matches("app/libs/amqp-client-[^/]+\\.jar"));
        assertThat(BuiltImages.hasJavaOnPath(image)).as("an executable java on the image's PATH").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-mariadb", "node-cassandra", "node-postgresql"})
    void runsAsTheNonRootUser(String name) {
        ImageArchive image = BuiltImages.archive(name);

        assertThat(image.containerConfig().path("User").asString()).isEqualTo(USER + ":" + USER);
        assertThat(BuiltImages.hasUser(image, USER)).as("uid %d in /etc/passwd", USER).isTrue();
    }

    @Test
    void mariadbImageHoldsARunnableMariadbDistributionWhereItsLabelSays() {
        ImageArchive image = BuiltImages.archive("node-mariadb");
        String basedir = image.label("dev.shoal.guest.mysql.basedir").orElseThrow().substring(1);

        assertThat(image.label("dev.shoal.guest.datastore.manager")).hasValue("mysql");
        assertThat(image.exposedPorts()).containsExactly("3306/tcp");
        // what the guest's MariadbBinaries asks of a mysql.basedir: bin/mariadbd, the install script, share/
        for (String program : List.of("bin/mariadbd", "scripts/mariadb-install-db", "bin/my_print_defaults",
                "bin/resolveip", "bin/mariadb", "bin/mariadb-dump")) {
            assertThat(image.isExecutable(basedir + "/" + program)).as("%s/%s executable", basedir, program).isTrue();
        }
        assertThat(image.filesUnder(basedir + "/share")).contains(basedir + "/share/english/errmsg.sys");
    }

    @Test
    void cassandraImageHoldsCassandrasLibDirectoryWhereItsLabelSays() {
        ImageArchive image = BuiltImages.archive("node-cassandra");
        String lib = image.label("dev.shoal.guest.cassandra.lib").orElseThrow().substring(1);

        assertThat(image.label("dev.shoal.guest.datastore.manager")).hasValue("cassandra");
        assertThat(image.exposedPorts()).containsExactlyInAnyOrder("9042/tcp", "7000/tcp");
        assertThat(image.filesUnder(lib))
                .anyMatch(file -> file.matches(lib + "/cassandra-all-[^/]+\\.jar"))
                .anyMatch(file -> file.matches(lib + "/netty-[^/]+\\.jar"))
                .filteredOn(file -> file.endsWith(".jar"))
                .hasSizeGreaterThan(50);
        assertThat(image.filesUnder("opt/shoal/mariadb")).isEmpty();
    }

    @Test
    void postgresqlImageHoldsPostgresql18WhereItsLabelSays() {
        ImageArchive image = BuiltImages.archive("node-postgresql");
        String bin = image.label("dev.shoal.guest.postgresql.18.bin").orElseThrow().substring(1);

        assertThat(image.label("dev.shoal.guest.datastore.manager")).hasValue("postgresql");
        assertThat(image.exposedPorts()).containsExactly("5432/tcp");
        // what the guest runs: initdb once, then postgres
        for (String program : List.of("initdb", "postgres")) {
            assertThat(image.isExecutable(bin + "/" + program)).as("%s/%s executable", bin, program).isTrue();
        }
        assertThat(image.filesUnder(bin.replaceAll("/bin$", "/share"))).anyMatch(file -> file.endsWith("/postgres.bki"));
    }
}
