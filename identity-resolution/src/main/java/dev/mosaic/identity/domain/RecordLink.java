package dev.mosaic.identity.domain;

import java.util.List;

import dev.mosaic.identity.domain.matching.FieldContribution;

/**
 * An accepted match between two records: the rule that made it ({@code exact_email}, {@code probabilistic},
 * {@code steward_merge}), its match probability, a one-line evidence text and each field's contribution.
 */
public record RecordLink(SourceRecordKey from, SourceRecordKey to, String rule, double score, String evidence,
                         List<FieldContribution> contributions) {

    public RecordLink {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }
}
