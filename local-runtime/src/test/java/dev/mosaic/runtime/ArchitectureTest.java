package dev.mosaic.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.runtime");

    @Test
    void startsStoresWithoutAnyApplicationFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.mosaic.identity..",
                        "dev.mosaic.imports..", "dev.mosaic.profile..")
                .because("the local runtime only starts stores; the application decides whether to use them")
                .check(classes);
    }

    @Test
    void neverTalksToTheStoresItStarts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.neo4j.driver..", "co.elastic..")
                .because("Mosaic reaches every store through its network client, local or external alike")
                .check(classes);
    }
}
