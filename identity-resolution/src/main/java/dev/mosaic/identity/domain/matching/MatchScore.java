package dev.mosaic.identity.domain.matching;

import java.util.List;

/**
 * The verdict on one pair of records: the match weight (log2 odds, prior included), the match probability, each
 * field's contribution, and whether a field proved them different people (a cannot-link such as two birth dates).
 */
public record MatchScore(double weight, double probability, List<FieldContribution> contributions, String veto) {

    public MatchScore {
        contributions = List.copyOf(contributions);
    }

    public boolean vetoed() {
        return veto != null;
    }
}
