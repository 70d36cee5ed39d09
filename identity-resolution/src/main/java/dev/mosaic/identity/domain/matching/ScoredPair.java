package dev.mosaic.identity.domain.matching;

/**
 * A candidate pair (record indices, {@code first < second}) with its match probability and the rule that proposes it:
 * {@code probabilistic}, {@code exact_<identifier>} for a shared trusted identifier, or {@code steward_merge}.
 */
public record ScoredPair(int first, int second, double probability, String rule) {
}
