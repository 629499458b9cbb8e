package dev.shoal.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN §3: services never import each other, the shared modules never import a service. */
class ModuleBoundariesTest {

    private static JavaClasses shoal;

    @BeforeAll
    static void importClasses() {
        shoal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.shoal");
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

    @Test
    void contractsDependOnNeitherSpringNorTheDomain() {
        noClasses().that().resideInAPackage("dev.shoal.contracts..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "dev.shoal.domain..")
                .check(shoal);
    }
}
