package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution accuracy on data nobody on the project wrote, read through the importer's mappings: the numbers a data
 * team would check first. The generated-data and speed figures are in docs/benchmarks.md (./mosaic bench accuracy).
 */
class ResolutionAccuracyIT {

    private static final Path DATASETS = Path.of("..", "..", "shared", "datasets");

    @Test
    void resolvesTheFebrlPersonFileWithAnF1OfAtLeast099AndNoOverMergedProfile() throws Exception {
        Path febrl = DATASETS.resolve("febrl/dataset3.csv");
        Assumptions.assumeTrue(Files.exists(febrl), "../shared/datasets is not beside the project: skipping");

        ResolutionAccuracy.Measured measured = ResolutionAccuracy.measure(ResolutionAccuracy.febrl(febrl));
        System.out.println("[accuracy] " + measured);

        assertThat(measured.accuracy().records()).isEqualTo(5000);
        assertThat(measured.accuracy().f1()).isGreaterThanOrEqualTo(0.99);
        assertThat(measured.accuracy().overMergedProfiles()).isZero();
    }

    @Test
    void resolvesSplinksFakePeopleWithoutJoiningAnyTwo() throws Exception {
        Path splink = DATASETS.resolve("splink/fake_1000.csv");
        Assumptions.assumeTrue(Files.exists(splink), "../shared/datasets is not beside the project: skipping");

        ResolutionAccuracy.Measured measured = ResolutionAccuracy.measure(ResolutionAccuracy.splink(splink));
        System.out.println("[accuracy] " + measured);

        assertThat(measured.accuracy().precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(measured.accuracy().f1()).isGreaterThan(0.85);
    }

    @Test
    void resolvesGeneratedRetailDataKeepingHouseholdsNamesakesAndPlaceholderSharersApart(@TempDir Path data)
            throws Exception {
        ResolutionAccuracy.Measured measured = ResolutionAccuracy.measure(ResolutionAccuracy.generated(
                dev.mosaic.datagen.GeneratorSettings.people(3_000).withSeed(11), data));
        System.out.println("[accuracy] " + measured);

        // Households share a mailbox, a landline and sometimes a card; namesakes share a name; walk-ins a
        // placeholder: wrongly joined, any of them would cost precision at once.
        assertThat(measured.accuracy().precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(measured.resolvable().f1()).isGreaterThan(0.85);
    }
}
