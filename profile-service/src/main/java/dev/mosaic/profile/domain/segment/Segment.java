package dev.mosaic.profile.domain.segment;

import java.time.Instant;

/**
 * A saved audience: a named condition over profiles, evaluated anew whenever it is counted, listed or exported.
 *
 * @param updatedAt when its name, description or condition last changed; its creation time until then
 */
public record Segment(String id, String name, String description, Condition condition, Instant createdAt,
                      Instant updatedAt) {

    /** The same segment (id, creation time) with a new name, description and condition. */
    public Segment changedTo(String name, String description, Condition condition, Instant at) {
        return new Segment(id, name, description, condition, createdAt, at);
    }
}
