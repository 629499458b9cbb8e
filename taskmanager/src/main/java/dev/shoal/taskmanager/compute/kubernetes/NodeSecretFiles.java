package dev.shoal.taskmanager.compute.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * A guest's file as its node's Secret holds it: in {@code data} (base64) once an API server stored it, in
 * {@code stringData} as the driver wrote it.
 */
final class NodeSecretFiles {

    private NodeSecretFiles() {
    }

    static Optional<Properties> read(Secret secret, String file) {
        String text = null;
        if (secret.getData() != null && secret.getData().get(file) != null) {
            text = new String(Base64.getDecoder().decode(secret.getData().get(file)), StandardCharsets.UTF_8);
        } else if (secret.getStringData() != null) {
            text = secret.getStringData().get(file);
        }
        if (text == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(properties);
    }
}
