package dev.mosaic.imports.domain;

/** A row that could not become a record, kept as it was with the reason. {@code row} is the
 * number of its (first) line in the file. */
public record QuarantinedRow(String file, long row, String rawRow, String reason) {
}
