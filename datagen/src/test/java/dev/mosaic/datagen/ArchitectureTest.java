package dev.mosaic.datagen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses generator = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.datagen");

    @Test
    void isPlainJavaSoItRunsAnywhereWithoutMosaic() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mosaic.datagen..")
                .check(generator);
    }
}
