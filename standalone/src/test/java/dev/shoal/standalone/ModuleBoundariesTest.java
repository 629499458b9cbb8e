package dev.shoal.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import dev.shoal.datastore.Datastores;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3: services never import each other, the shared modules never import a service, and each datastore stays in
 * its folder.
 */
class ModuleBoundariesTest {

    /** How each datastore's classes are named, by the datastore's name. */
    private static final Map<String, List<String>> NAMES = Map.of("mysql", List.of("Mysql", "Mariadb"),
            "cassandra", List.of("Cassandra"), "mongodb", List.of("Mongo"), "postgresql", List.of("Postgresql"));

    private static JavaClasses shoal;

    @BeforeAll
    static void importClasses() {
        Set<Location> locations = new HashSet<>(Locations.ofPackage("dev.shoal"));
        // the guest agent runs as a process of its own, never on this module's class path: its classes, the guest SPI's
        // and every datastore's guest side are read where the reactor built them
        Path guestAgent = Path.of("..", "guestagent", "target", "classes");
        assertThat(guestAgent).as("the guest agent is built before this module").isDirectory();
        locations.add(Location.of(guestAgent));
        locations.add(Location.of(Path.of("..", "guest-spi", "target", "classes")));
        for (String datastore : NAMES.keySet()) {
            Path guestSide = Path.of("..", "datastores", datastore, "guest", "target", "classes");
            assertThat(guestSide).as("the guest side of " + datastore + " is built before this module").isDirectory();
            locations.add(Location.of(guestSide));
        }
        shoal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(locations);
    }

    @Test
    void apiDependsOnNoOtherService() {
        noClasses().that().resideInAPackage("dev.shoal.api..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.shoal.taskmanager..", "dev.shoal.conductor..", "dev.shoal.guestagent..")
                .check(shoal);
    }

    @Test
    void taskmanagerDependsOnNoOtherService() {
        noClasses().that().resideInAPackage("dev.shoal.taskmanager..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.shoal.api..", "dev.shoal.conductor..", "dev.shoal.guestagent..")
                .check(shoal);
    }

    @Test
    void conductorDependsOnNoOtherService() {
        noClasses().that().resideInAPackage("dev.shoal.conductor..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.shoal.api..", "dev.shoal.taskmanager..", "dev.shoal.guestagent..")
                .check(shoal);
    }

    @Test
    void sharedModulesDependOnNoService() {
        noClasses().that().resideInAnyPackage("dev.shoal.domain..", "dev.shoal.contracts..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.shoal.api..", "dev.shoal.taskmanager..", "dev.shoal.conductor..",
                        "dev.shoal.guestagent..")
                .check(shoal);
    }

    /** The datastores' guest sides and the guest SPI they implement never reach into the guest agent that runs them. */
    @Test
    void theDatastoreSpiAndTheDatastoresDependOnNoServiceNorTheDomain() {
        noClasses().that().resideInAnyPackage("dev.shoal.datastore..", "dev.shoal.datastores..", "dev.shoal.guest..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.shoal.api..", "dev.shoal.taskmanager..", "dev.shoal.conductor..",
                        "dev.shoal.guestagent..", "dev.shoal.domain..", "org.springframework..")
                .check(shoal);
    }

    /**
     * DESIGN §3: a datastore is described once, in its folder, and named nowhere else: no class outside
     * {@code dev.shoal.datastores.<name>} uses one of its classes or a class named after it, is named after it or lives
     * in a package named after it.
     */
    @Test
    void nothingOutsideADatastoresFolderNamesIt() {
        assertThat(Datastores.all()).extracting(datastore -> datastore.descriptor().name())
                .as("every installed datastore has its names here").containsExactlyInAnyOrderElementsOf(NAMES.keySet());
        NAMES.forEach((name, classNames) -> {
            String folder = "dev.shoal.datastores." + name + "..";
            var rule = noClasses().that().resideOutsideOfPackage(folder)
                    .should().dependOnClassesThat().resideInAPackage(folder)
                    .orShould().resideInAPackage("dev.shoal.." + name + "..");
            for (String className : classNames) {
                rule = rule.orShould().haveSimpleNameContaining(className)
                        .orShould().dependOnClassesThat().haveSimpleNameContaining(className);
            }
            rule.as("no class outside " + folder + " names " + name).check(shoal);
        });
    }

    @Test
    void contractsDependOnNeitherSpringNorTheDomain() {
        noClasses().that().resideInAPackage("dev.shoal.contracts..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "dev.shoal.domain..")
                .check(shoal);
    }
}
