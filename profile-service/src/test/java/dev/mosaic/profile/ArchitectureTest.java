package dev.mosaic.profile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.profile");

    @Test
    void domainAndApplicationAreFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("..profile.domain..", "..profile.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "co.elastic..", "jakarta..", "com.fasterxml..", "tools.jackson..", "dev.mosaic.profile.adapter..")
                .check(classes);
    }

    @Test
    void theElasticsearchClientIsUsedOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..adapter.out.elasticsearch..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.elasticsearch.client..")
                .check(classes);
    }

    @Test
    void theNeo4jDriverIsUsedOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..adapter.out.neo4j..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                .check(classes);
    }

    @Test
    void controllersNeverReturnDomainOrStoreTypes() {
        noClasses().that().resideInAPackage("..adapter.in.web..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.neo4j..",
                        "org.springframework.batch..")
                .check(classes);
    }
}
