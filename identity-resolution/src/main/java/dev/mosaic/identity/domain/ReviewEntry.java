package dev.mosaic.identity.domain;

/** A pair of records a steward should decide on: too close to ignore, held back from merging automatically. */
public record ReviewEntry(SourceRecordKey first, SourceRecordKey second, double probability, String reason) {
}
