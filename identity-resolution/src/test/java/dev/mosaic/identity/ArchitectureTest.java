package dev.mosaic.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.identity");

    @Test
    void domainIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..identity.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "co.elastic..", "jakarta..", "com.fasterxml..", "tools.jackson..", "dev.mosaic.identity.adapter..",
                        "dev.mosaic.identity.application..")
                .check(classes);
    }

    @Test
    void theNeo4jDriverIsUsedOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..adapter.out.neo4j..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j..")
                .check(classes);
    }

    @Test
    void applicationDoesNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..identity.application..")
                .should().dependOnClassesThat().resideInAPackage("..identity.adapter..")
                .check(classes);
    }

    @Test
    void adapterImplementationsStayPackagePrivate() {
        classes().that().resideInAPackage("..adapter.out.neo4j..").and().haveSimpleNameStartingWith("Neo4jIdentityGraph")
                .and().haveSimpleNameNotEndingWith("s")
                .should().notBePublic()
                .check(classes);
    }
}
