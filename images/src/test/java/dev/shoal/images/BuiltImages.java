package dev.shoal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/** The tarballs the images profile wrote and the chart they are made for, as the build hands them to the checks. */
final class BuiltImages {

    private BuiltImages() {
    }

    static ImageArchive archive(String name) {
        Path tarball = directory().resolve(name + ".tar");
        assertThat(tarball).as("image tarball (built by ./mvnw -Pimages package -DskipTests)").isRegularFile();
        return ImageArchive.open(tarball);
    }

    static ChartImages chart() {
        return ChartImages.of(Path.of(System.getProperty("shoal.chart.dir", "../helm/shoal")));
    }

    /** The image's {@code java}, found as a container would: on the PATH of its config. */
    static boolean hasJavaOnPath(ImageArchive image) {
        String path = image.containerConfig().path("Env").valueStream()
                .map(JsonNode::asString)
                .filter(variable -> variable.startsWith("PATH="))
                .findFirst().orElse("PATH=").substring("PATH=".length());
        return Arrays.stream(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .anyMatch(dir -> image.isExecutable(dir.substring(1) + "/java"));
    }

    /** A user of that uid in the image's own /etc/passwd, so that tools asking for the name find one. */
    static boolean hasUser(ImageArchive image, long uid) {
        return image.text("etc/passwd").lines()
                .map(line -> line.split(":"))
                .anyMatch(fields -> fields.length > 2 && fields[2].equals(Long.toString(uid)));
    }

    private static Path directory() {
        Path dir = Path.of(System.getProperty("shoal.images.dir", "../target/images"));
        assertThat(Files.isDirectory(dir)).as("%s exists", dir).isTrue();
        return dir;
    }
}
