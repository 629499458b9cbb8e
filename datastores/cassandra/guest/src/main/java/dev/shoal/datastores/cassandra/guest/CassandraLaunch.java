package dev.shoal.datastores.cassandra.guest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How a node's Cassandra JVM is launched, fixed at prepare and kept in the node directory so a restarted agent
 * starts the same server again.
 *
 * @param heapMb         heap of the server JVM
 * @param jmxPort        the node's own JMX port on 127.0.0.1: Cassandra binds local JMX there for every node
 * @param replaceAddress the dead node whose tokens this node takes over on its first boot, if any
 */
record CassandraLaunch(int heapMb, int jmxPort, Optional<String> replaceAddress) {

    static final String FILE = "cassandra-launch.properties";
    private static final int MIN_HEAP_MB = 256;
    private static final int MAX_HEAP_MB = 1024;
    private static final int REPLACE_SILENCE_MS = 5000;

    /** The module flags Cassandra 5.0 ships as {@code conf/jvm17-server.options} (JPMS and Netty sections). */
    static final List<String> JVM17_OPTIONS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    /** A quarter of the flavor's memory: the rest goes to off-heap structures, page cache and the agent. */
    static int heapMb(int memoryMb) {
        return Math.max(MIN_HEAP_MB, Math.min(MAX_HEAP_MB, memoryMb / 4));
    }

    List<String> command(Path java, Path lib, Path nodeDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-XX:+UseG1GC", "-XX:+HeapDumpOnOutOfMemoryError",
                "-javaagent:" + jamm(lib)));
        command.addAll(JVM17_OPTIONS);
        command.addAll(List.of(
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + nodeDir.resolve("cassandra.yaml").toUri(),
                "-Dcassandra-rackdc.properties=" + nodeDir.resolve("cassandra-rackdc.properties").toUri(),
                "-Dlogback.configurationFile=" + nodeDir.resolve("logback.xml"),
                "-Dcassandra.storagedir=" + nodeDir.resolve("data"),
                "-Dcassandra.logdir=" + nodeDir.resolve("logs"),
                "-Dcassandra.jmx.local.port=" + jmxPort,
                "-Djava.rmi.server.hostname=127.0.0.1",
                // the defaults (30 s ring delay, waiting for gossip to settle) only slow small clusters down
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0"));
        replaceAddress.ifPresent(address -> command.addAll(List.of(
                // honoured on the first boot only, so it is safe to pass on every start
                "-Dcassandra.replace_address_first_boot=" + address,
                // a replacing node waits max(load broadcast interval, 2 x ring delay) for the dead node to stay
                // silent in gossip: 60 s by default; the control plane replaces only nodes it knows are gone
                "-Dcassandra.broadcast_interval_ms=" + REPLACE_SILENCE_MS)));
        command.addAll(List.of("-cp", lib.toAbsolutePath() + "/*", "org.apache.cassandra.service.CassandraDaemon"));
        return command;
    }

    /** Cassandra measures object sizes with the jamm agent; the jar's version changes between releases. */
    static Path jamm(Path lib) throws IOException {
        try (var jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().matches("jamm-.*\\.jar"))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IOException("no jamm jar in Cassandra lib directory " + lib));
        }
    }

    void store(Path nodeDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("heap.mb", Integer.toString(heapMb));
        properties.setProperty("jmx.port", Integer.toString(jmxPort));
        replaceAddress.ifPresent(address -> properties.setProperty("replace.address", address));
        Path partial = nodeDir.resolve(FILE + ".part");
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, "Cassandra launch settings of this node");
        }
        Files.move(partial, nodeDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<CassandraLaunch> load(Path nodeDir) throws IOException {
        Path file = nodeDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return Optional.of(new CassandraLaunch(Integer.parseInt(properties.getProperty("heap.mb")),
                Integer.parseInt(properties.getProperty("jmx.port")),
                Optional.ofNullable(properties.getProperty("replace.address"))));
    }
}
