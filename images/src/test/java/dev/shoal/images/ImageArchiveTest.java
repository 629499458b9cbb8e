package dev.shoal.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader the image checks rely on, on small archives made here: it must see what an engine would unpack. */
class ImageArchiveTest {

    private static final String CONFIG = """
            {"config":{"Entrypoint":["java","-cp","@/app/jib-classpath-file","dev.example.Main"],
             "User":"10001:10001","ExposedPorts":{"8080/tcp":{}},"Labels":{"dev.example.home":"/opt/example"}}}
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheConfigAndTheFilesOfEveryLayerWithTheirModes() throws IOException {
        ImageArchive image = ImageArchive.open(archive("first.tar",
                Map.of("manifest.json", manifest("base-layer.tar.gz", "app-layer.tar.gz"), "config.json", CONFIG),
                Map.of("base-layer.tar.gz", layer(
                                new LayerFile("./etc/passwd", "shoal:x:10001:10001::/:/bin/false\n", 0644),
                                new LayerFile("./opt/example/bin/start", "#!/bin/sh\n", 0644)),
                        "app-layer.tar.gz", layer(
                                new LayerFile("app/classes/dev/example/Main.class", "", 0644),
                                new LayerFile("/opt/example/bin/start", "#!/bin/sh\n", 0755)))));

        assertThat(image.repoTags()).containsExactly("example/app:1.0");
        assertThat(image.entrypoint()).last().isEqualTo("dev.example.Main");
        assertThat(image.exposedPorts()).containsExactly("8080/tcp");
        assertThat(image.label("dev.example.home")).hasValue("/opt/example");
        assertThat(image.filesUnder("app")).containsExactly("app/classes/dev/example/Main.class");
        assertThat(image.isExecutable("etc/passwd")).isFalse();
        assertThat(image.isExecutable("opt/example/bin/start")).as("the later layer's mode wins").isTrue();
        assertThat(BuiltImages.hasUser(image, 10001)).isTrue();
        assertThat(BuiltImages.hasUser(image, 0)).isFalse();
    }

    @Test
    void refusesAnArchiveWhoseManifestNamesALayerItDoesNotHold() throws IOException {
        Path tarball = archive("broken.tar",
                Map.of("manifest.json", manifest("missing-layer.tar.gz"), "config.json", CONFIG), Map.of());

        assertThatThrownBy(() -> ImageArchive.open(tarball)).hasMessageContaining("missing-layer.tar.gz");
    }

    private static String manifest(String... layers) {
        return "[{\"Config\":\"config.json\",\"RepoTags\":[\"example/app:1.0\"],\"Layers\":[\""
                + String.join("\",\"", layers) + "\"]}]";
    }

    private Path archive(String name, Map<String, String> texts, Map<String, byte[]> layers) throws IOException {
        Path tarball = dir.resolve(name);
        try (var tar = new TarArchiveOutputStream(Files.newOutputStream(tarball))) {
            texts.forEach((file, text) -> add(tar, file, text.getBytes(StandardCharsets.UTF_8), 0644));
            layers.forEach((file, content) -> add(tar, file, content, 0644));
        }
        return tarball;
    }

    private record LayerFile(String path, String text, int mode) {
    }

    /** A gzipped layer, as Jib and the base image script write them (paths with and without "./"). */
    private static byte[] layer(LayerFile... files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes); var tar = new TarArchiveOutputStream(gzip)) {
            for (LayerFile file : files) {
                add(tar, file.path(), file.text().getBytes(StandardCharsets.UTF_8), file.mode());
            }
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content, int mode) {
        try {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            entry.setMode(mode);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
