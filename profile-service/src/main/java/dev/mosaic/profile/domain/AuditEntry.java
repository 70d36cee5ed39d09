package dev.mosaic.profile.domain;

import java.time.Instant;

/**
 * One audited access: who (the API key's name or the signed-in person's user name), what (the action, the request path without its query, the profile
 * or segment), when. Never the looked-up value or any other personal data: a lookup's profile is named by its id.
 */
public record AuditEntry(Instant at, String who, String action, String path, String profileId, String segmentId) {
}
