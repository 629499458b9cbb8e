package dev.shoal.standalone;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The loopback ports of the embedded services, chosen once per Shoal home and kept in
 * {@code embedded.properties} there: guests outlive the standalone process and reconnect to the broker
 * address they were given, so a restart must not move it.
 */
final class EmbeddedPorts {

    static final String FILE_NAME = "embedded.properties";
    static final String BROKER = "broker.port";
    static final String DATABASE = "database.port";

    private final Path file;

    EmbeddedPorts(Path home) {
        this.file = home.resolve(FILE_NAME);
    }

    /**
     * The port kept under {@code key}, or a free one kept from now on. A kept port that another process holds
     * is refused rather than replaced, since guests would go on calling the old one.
     */
    synchronized int claim(String key) throws IOException {
        Properties ports = load();
        String kept = ports.getProperty(key);
        if (kept == null) {
            int port = freePortOtherThan(ports);
            ports.setProperty(key, Integer.toString(port));
            store(ports);
            return port;
        }
        int port = parse(key, kept);
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " (" + key + " in " + file + ") is in use by another"
                    + " process: stop that process, or change " + key + " in " + file
                    + (BROKER.equals(key) ? " and restart the guest agents with the new broker address" : ""));
        }
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int freePortOtherThan(Properties kept) throws IOException {
        while (true) {
            int port = freePort();
            if (!kept.containsValue(Integer.toString(port))) {
                return port;
            }
        }
    }

    private int parse(String key, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(key + " in " + file + " is not a port: " + value);
    }

    private Properties load() throws IOException {
        Properties ports = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                ports.load(reader);
            }
        }
        return ports;
    }

    /** Written beside and moved over the old file, so a crash leaves either the old ports or the new ones. */
    private void store(Properties ports) throws IOException {
        StringWriter text = new StringWriter();
        ports.store(text, "Ports of the embedded broker and database, chosen at the first start; guests keep the"
                + " broker port");
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(FILE_NAME + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
