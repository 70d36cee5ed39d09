package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void readsSizeSeedOutputAndCompression() {
        MosaicDataGenerator.Arguments parsed = MosaicDataGenerator.parse(
                new String[] {"--records", "1m", "--seed", "7", "--out", "/tmp/x", "--gzip"});
        assertThat(parsed.settings()).isEqualTo(new GeneratorSettings(0, 1_000_000, 7, true, MessRates.defaults()));
        assertThat(parsed.out()).isEqualTo(Path.of("/tmp/x"));
        assertThat(MosaicDataGenerator.parse(new String[] {"--people", "2_500"}).settings().people()).isEqualTo(2_500);
        assertThat(MosaicDataGenerator.parse(new String[] {"--people", "50k"}).settings().seed()).isEqualTo(42);
    }

    @Test
    void readsMessFactorAndSingleRates() {
        GeneratorSettings settings = MosaicDataGenerator.parse(
                new String[] {"--people", "10", "--mess", "0", "--rate", "household=0.3"}).settings();
        assertThat(settings.mess()).isEqualTo(MessRates.none().with("household", 0.3));
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {"--people", "10", "--records", "10"}))
                .hasMessageContaining("either");
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {})).hasMessageContaining("either");
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {"--people", "ten"}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {"--people"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> MosaicDataGenerator.parse(new String[] {"--people", "1", "--rate", "x"}))
                .hasMessageContaining("NAME=P");
        assertThat(MosaicDataGenerator.parse(new String[] {"--help"})).isNull();
        assertThat(MosaicDataGenerator.usage()).contains("--records", "nameTypo");
    }
}
