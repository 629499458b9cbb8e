package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * {@code broker.properties} in a node's directory: the broker its guest connects to ({@code amqp.uri}), read by
 * the guest on every connection attempt. Nodes outlive the control plane, so the file is rewritten whenever the
 * control plane starts, in case its broker moved. It holds the broker's password: owner-only, and replaced
 * whole so that a guest never reads half of it.
 */
final class GuestBrokerFile {

    static final String FILE_NAME = "broker.properties";
    static final String URI_KEY = "amqp.uri";

    private GuestBrokerFile() {
    }

    static void write(Path nodeDir, String amqpUri) throws IOException {
        Properties broker = new Properties();
        broker.setProperty(URI_KEY, amqpUri);
        Path partial = Files.createTempFile(nodeDir, "." + FILE_NAME, ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (Writer writer = Files.newBufferedWriter(partial)) {
                broker.store(writer, "Shoal: the broker of this node's guest agent");
            }
            Files.move(partial, nodeDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Where the URI points, without its credentials: fit for logs. */
    static String redacted(String amqpUri) {
        try {
            URI uri = new URI(amqpUri);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "an unreadable AMQP URI";
        }
    }
}
