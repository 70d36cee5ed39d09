package dev.mosaic.profile.adapter.in.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Quarantine", description = "One page of the rows of an import that could not become records, in line order")
record QuarantineResponse(
        String importId,
        @Schema(description = "Rows in the quarantine of this import, on all pages") long total,
        @Schema(description = "0-based page number") int page,
        int size,
        List<Row> rows) {

    @Schema(name = "QuarantinedRow")
    record Row(@Schema(description = "The file's name as it was uploaded") String file,
               @Schema(description = "Number of the row's (first) line in the file; the header is line 1") long row,
               @Schema(description = "The line as it was (a row spanning lines: all of them)") String rawRow,
               @Schema(description = "Why it could not become a record") String reason) {
    }
}
