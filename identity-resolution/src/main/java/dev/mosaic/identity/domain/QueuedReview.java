package dev.mosaic.identity.domain;

/**
 * A pair in the review queue as a steward sees it: the two records and the profiles they belong to now, which is
 * what a steward merges (or leaves apart).
 */
public record QueuedReview(ReviewEntry pair, ProfileId firstProfile, ProfileId secondProfile) {
}
