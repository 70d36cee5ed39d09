package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.List;

/** Where every read of a profile, every export and every erasure is recorded, durably, for an admin to read. */
public interface AuditTrail {

    void record(AuditEntry entry);

    /** The entries that match every given criterion (null: any), newest first, at most {@code limit}. */
    List<AuditEntry> find(Criteria criteria);

    record Criteria(String who, String profileId, String action, Instant from, Instant to, int limit) {
    }
}
