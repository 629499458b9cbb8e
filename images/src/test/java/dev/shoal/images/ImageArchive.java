package dev.shoal.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image as {@code docker save} (and Jib's buildTar) lays it out: {@code manifest.json} naming the config and the
 * gzipped layers. What a container engine would unpack is read here without one: the config and, for every file
 * of the layers, its path and mode, plus the text of a few small files a check asks for.
 */
final class ImageArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Path, ImageArchive> OPENED = new ConcurrentHashMap<>();
    /** Layers by their file name, a digest of their content: the base layer every image shares is read once. */
    private static final Map<String, Layer> LAYERS = new ConcurrentHashMap<>();
    /** Files whose text the checks read; every other file is known by its path and mode only. */
    private static final Set<String> TEXT_FILES = Set.of("etc/passwd", "etc/group");

    private final List<String> repoTags;
    private final JsonNode config;
    private final Map<String, Integer> modes;
    private final Map<String, String> texts;

    private ImageArchive(List<String> repoTags, JsonNode config, Map<String, Integer> modes,
                         Map<String, String> texts) {
        this.repoTags = repoTags;
        this.config = config;
        this.modes = modes;
        this.texts = texts;
    }

    /** Each archive is read once per test run, however many checks look at it. */
    static ImageArchive open(Path tarball) {
        return OPENED.computeIfAbsent(tarball, ImageArchive::read);
    }

    List<String> repoTags() {
        return repoTags;
    }

    /** The container part of the image config: Entrypoint, Cmd, User, ExposedPorts, Labels, Env. */
    JsonNode containerConfig() {
        return config.path("config");
    }

    List<String> entrypoint() {
        return strings(containerConfig().path("Entrypoint"));
    }

    List<String> cmd() {
        return strings(containerConfig().path("Cmd"));
    }

    Set<String> exposedPorts() {
        return Set.copyOf(containerConfig().path("ExposedPorts").propertyNames());
    }

    Optional<String> label(String name) {
        JsonNode value = containerConfig().path("Labels").path(name);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /**
     * The files below a directory, as a container sees them without the leading slash (later layers win, as in a
     * real unpack); a failed check then lists that directory rather than the whole Debian root.
     */
    List<String> filesUnder(String directory) {
        return modes.keySet().stream().filter(path -> path.startsWith(directory + "/")).sorted().toList();
    }

    boolean isExecutable(String path) {
        Integer mode = modes.get(path);
        return mode != null && (mode & 0111) == 0111;
    }

    String text(String path) {
        return Optional.ofNullable(texts.get(path))
                .orElseThrow(() -> new IllegalArgumentException(path + " is not in the image or not read as text"));
    }

    private static ImageArchive read(Path tarball) {
        try (TarFile archive = new TarFile(tarball)) {
            Map<String, TarArchiveEntry> top = new HashMap<>();
            archive.getEntries().forEach(entry -> top.put(normalized(entry.getName()), entry));
            JsonNode manifest = JSON.readTree(open(archive, top, "manifest.json", tarball)).get(0);
            JsonNode config = JSON.readTree(open(archive, top, manifest.path("Config").asString(), tarball));
            Map<String, Integer> modes = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            for (String name : strings(manifest.path("Layers"))) {
                Layer layer = LAYERS.get(name);
                if (layer == null) {
                    try (InputStream gzipped = open(archive, top, name, tarball)) {
                        layer = Layer.read(gzipped);
                    }
                    LAYERS.put(name, layer);
                }
                modes.putAll(layer.modes());
                texts.putAll(layer.texts());
            }
            return new ImageArchive(strings(manifest.path("RepoTags")), config, modes, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image archive " + tarball, e);
        }
    }

    private static InputStream open(TarFile archive, Map<String, TarArchiveEntry> top, String name, Path tarball)
            throws IOException {
        TarArchiveEntry entry = top.get(normalized(name));
        if (entry == null) {
            throw new IllegalStateException(tarball + " holds no " + name);
        }
        return archive.getInputStream(entry);
    }

    private static String normalized(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        path = path.startsWith("/") ? path.substring(1) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** One layer's files: the mode of each, the text of those a check reads. */
    private record Layer(Map<String, Integer> modes, Map<String, String> texts) {

        static Layer read(InputStream gzipped) throws IOException {
            Map<String, Integer> modes = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            var tar = new TarArchiveInputStream(new GZIPInputStream(gzipped, 1 << 16));
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = normalized(entry.getName());
                if (path.isEmpty() || entry.isDirectory()) {
                    continue;
                }
                modes.put(path, entry.getMode());
                if (TEXT_FILES.contains(path)) {
                    texts.put(path, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return new Layer(modes, texts);
        }
    }
}
