package dev.mosaic.identity.domain;

/** An accepted match between two records, with the rule that made it and the evidence. */
public record RecordLink(SourceRecordKey from, SourceRecordKey to, String rule, double score, String evidence) {
}
