package dev.shoal.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * helm-java's template answers the release's manifest alone, without its hooks (the migration Job). A copy of the
 * chart whose hook annotations carry another name renders them as plain objects; {@link Manifests} names them back.
 * Nothing else of the chart differs.
 */
final class HooksAsManifests {

    static final String HELM_HOOK = "helm.sh/hook";
    static final String RENAMED_HOOK = "rendered.test.shoal.dev/hook";

    private HooksAsManifests() {
    }

    static Path copy(Path chart, Path target) {
        deleteIfPresent(target);
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : files.toList()) {
                Path copied = target.resolve(chart.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copied);
                } else if (file.startsWith(chart.resolve("templates"))) {
                    Files.writeString(copied, Files.readString(file).replace(HELM_HOOK, RENAMED_HOOK));
                } else {
                    Files.copy(file, copied, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("copying the chart " + chart + " to " + target, e);
        }
    }

    /** A template removed from the chart must not live on in the copy of an earlier run. */
    private static void deleteIfPresent(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + directory, e);
        }
    }

    static String nameBack(String annotation) {
        return annotation.startsWith(RENAMED_HOOK) ? HELM_HOOK + annotation.substring(RENAMED_HOOK.length())
                : annotation;
    }
}
