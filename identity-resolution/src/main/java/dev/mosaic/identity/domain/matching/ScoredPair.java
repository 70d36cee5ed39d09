package dev.mosaic.identity.domain.matching;

/**
 * A candidate pair (record indices, {@code first < second}) with its match probability and the rule that proposes it:
 * {@code probabilistic}, {@code exact_<identifier>} for a shared trusted identifier, {@code steward_merge}, or {@code same_profile}
 * for records an incremental run finds already together.
 */
public record ScoredPair(int first, int second, double probability, String rule) {

    public static final String STEWARD_MERGE = "steward_merge";
    public static final String SAME_PROFILE = "same_profile";

    /** Proposed by a shared trusted identifier: accepted whatever its probability, unless a guard vetoes it. */
    public boolean deterministic() {
        return rule.startsWith("exact_");
    }

    /** A steward's merge, or records that already share a profile: joined whatever the model or the guards say. */
    public boolean unconditional() {
        return STEWARD_MERGE.equals(rule) || SAME_PROFILE.equals(rule);
    }
}
