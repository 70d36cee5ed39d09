package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A chunk size that cannot work stops the start with the setting's name, instead of failing the first import. */
class ImportChunkSizeTest {

    @Test
    void refusesAChunkSizeBelowOneNamingTheSetting() {
        assertThatThrownBy(() -> new ImportJobConfiguration().importSteps(null, null, null, null, null, null, null, null,
                null, null, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mosaic.import.chunk-size must be at least 1, not 0");
    }
}
