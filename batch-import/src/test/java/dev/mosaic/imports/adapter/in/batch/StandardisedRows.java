package dev.mosaic.imports.adapter.in.batch;

import java.util.Map;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.imports.domain.ImportType;

/** Standardises one row in a type's canonical columns as an import does, for tests outside this package. */
public final class StandardisedRows {

    private StandardisedRows() {
    }

    /** @throws RuntimeException naming the field when the row cannot become a record */
    public static SourceRecord of(ImportType type, Map<String, String> canonicalRow) {
        return new RowStandardiser(type, null, "DE").process(new SourceRow(2, "", canonicalRow));
    }
}
