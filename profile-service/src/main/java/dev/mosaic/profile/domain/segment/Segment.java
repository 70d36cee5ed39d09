package dev.mosaic.profile.domain.segment;

import java.time.Instant;

/** A saved audience: a named condition over profiles, evaluated anew whenever it is counted, listed or exported. */
public record Segment(String id, String name, String description, Condition condition, Instant createdAt) {
}
