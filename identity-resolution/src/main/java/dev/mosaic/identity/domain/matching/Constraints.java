package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * Steward decisions that every resolution honours. A must-link joins two records whatever the model says. A split
 * puts the records of each side of one decision on that side: records on different sides of the same split never
 * share a profile again.
 */
public record Constraints(List<MustLink> mustLinks, Map<SourceRecordKey, Set<SplitSide>> splitSides) {

    public record MustLink(SourceRecordKey first, SourceRecordKey second, String decision) {
    }

    /** One side ("a" or "b") of one split decision. */
    public record SplitSide(String decision, String side) {
    }

    public Constraints {
        mustLinks = List.copyOf(mustLinks);
        splitSides = Map.copyOf(splitSides);
    }

    public static Constraints none() {
        return new Constraints(List.of(), Map.of());
    }

    public Set<SplitSide> sidesOf(SourceRecordKey record) {
        return splitSides.getOrDefault(record, Set.of());
    }
}
