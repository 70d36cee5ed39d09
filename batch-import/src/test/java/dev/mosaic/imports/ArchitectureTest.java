package dev.mosaic.imports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.imports");

    @Test
    void domainIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..imports.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "co.elastic..", "org.mapstruct..", "org.yaml..", "dev.mosaic.imports.adapter..")
                .check(classes);
    }

    @Test
    void springBatchIsUsedOnlyInTheBatchAdapter() {
        noClasses().that().resideOutsideOfPackage("..adapter.in.batch..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
                .check(classes);
    }

    @Test
    void yamlIsReadOnlyInTheMappingAdapter() {
        noClasses().that().resideOutsideOfPackage("..adapter.in.mapping..")
                .should().dependOnClassesThat().resideInAPackage("org.yaml..")
                .check(classes);
    }

    @Test
    void importsNeverTalkToAStoreDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.neo4j.driver..", "co.elastic..")
                .check(classes);
    }
}
