package dev.mosaic.imports.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When an import's records are resolved into profiles. Incremental: chunk by chunk as they arrive, so each record is
 * findable within seconds. Deferred: the rows are only stored, and one full resolution run at the end of the import
 * resolves them all with a model estimated from all of them: more accurate for a first load into an empty graph, but
 * its records belong to no profile until the import has finished.
 */
public enum ResolutionTiming {
    INCREMENTAL,
    DEFERRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResolutionTiming> fromCode(String code) {
        return Arrays.stream(values()).filter(timing -> timing.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
