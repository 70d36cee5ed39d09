package dev.mosaic.imports.domain;

import java.util.List;

/** Part of an import's quarantine: {@code total} rows in all, {@code rows} from {@code offset} on, in line order. */
public record QuarantinePage(long total, long offset, List<QuarantinedRow> rows) {

    public QuarantinePage {
        rows = List.copyOf(rows);
    }
}
