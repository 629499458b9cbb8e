package dev.shoal.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The images the Helm chart runs: each pulled by the name the chart gives it, and starting its service. */
class ServiceImagesTest {

    record Service(String component, String archive, String mainClass) {

        String mainClassFile() {
            return "app/classes/" + mainClass.replace('.', '/') + ".class";
        }

        @Override
        public String toString() {
            return archive;
        }
    }

    static Stream<Service> services() {
        return Stream.of(
                new Service("api", "api", "dev.shoal.api.ApiApplication"),
                new Service("taskmanager", "taskmanager", "dev.shoal.taskmanager.TaskManagerApplication"),
                new Service("conductor", "conductor", "dev.shoal.conductor.ConductorApplication"),
                new Service("migrations", "db-migrations", "dev.shoal.migrations.MigrateDatabase"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void isTaggedAsTheChartsDefaultsPullIt(Service service) {
        ImageArchive image = BuiltImages.archive(service.archive());

        assertThat(image.repoTags()).containsExactly(BuiltImages.chart().reference(service.component()));
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsItsMainClassWithTheImagesJava(Service service) {
        ImageArchive image = BuiltImages.archive(service.archive());

        assertThat(image.entrypoint()).first().isEqualTo("java");
        assertThat(image.entrypoint()).last().isEqualTo(service.mainClass());
        assertThat(image.filesUnder("app")).contains(service.mainClassFile(), "app/jib-classpath-file");
        assertThat(BuiltImages.hasJavaOnPath(image)).as("an executable java on the image's PATH").isTrue();
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsAsTheNonRootUserOfTheChartsSecurityContext(Service service) {
        ImageArchive image = BuiltImages.archive(service.archive());
        long uid = BuiltImages.chart().runAsUser();

        assertThat(image.containerConfig().path("User").asString()).isEqualTo(uid + ":" + uid);
        assertThat(BuiltImages.hasUser(image, uid)).as("uid %d in /etc/passwd", uid).isTrue();
    }

    @ParameterizedTest
    @MethodSource("services")
    void exposesThePortTheChartGivesItsContainer(Service service) {
        ImageArchive image = BuiltImages.archive(service.archive());

        var port = BuiltImages.chart().port(service.component());
        if (port.isPresent()) {
            assertThat(image.exposedPorts()).containsExactly(port.getAsInt() + "/tcp");
        } else {
            assertThat(image.exposedPorts()).as("a Job listens on nothing").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void carriesTheSchemaItMigratesOrValidates(Service service) {
        ImageArchive image = BuiltImages.archive(service.archive());

        assertThat(image.filesUnder("app")).anyMatch(file -> file.matches("app/libs/db-migrations-[^/]+\\.jar")
                || file.startsWith("app/resources/db/migration/V1__"));
    }
}
