package dev.mosaic.datagen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run wrote.
 *
 * @param directory      where the files are
 * @param people         people generated (distinct {@code person_id}s in the ground truth)
 * @param households     households of 2-4 people generated
 * @param namesakeGroups groups of 2-3 namesakes generated
 * @param rows           data rows (without header) per file; ground truth rows equal the sum of the others
 * @param elapsed        wall time of the run
 */
public record GenerationReport(Path directory, long people, long households, long namesakeGroups,
        Map<OutputFile, Long> rows, Duration elapsed) {

    public GenerationReport {
        rows = Collections.unmodifiableMap(new EnumMap<>(rows));
    }

    /** Records over the five data files. */
    public long records() {
        return rows.entrySet().stream().filter(e -> e.getKey().holdsRecords()).mapToLong(Map.Entry::getValue).sum();
    }

    public long rows(OutputFile file) {
        return rows.getOrDefault(file, 0L);
    }

    /** One line, e.g. for a console. */
    public String summary() {
        String perFile = rows.entrySet().stream().filter(e -> e.getKey().holdsRecords())
                .map(e -> e.getKey().fileName(false).replace(".csv", "") + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.format(java.util.Locale.ROOT,
                "mosaic-datagen: %d people (%d households, %d namesake groups), %d records [%s] in %.1f s -> %s",
                people, households, namesakeGroups, records(), perFile, elapsed.toMillis() / 1000.0, directory);
    }
}
