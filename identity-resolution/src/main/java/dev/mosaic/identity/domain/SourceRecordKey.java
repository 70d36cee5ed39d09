package dev.mosaic.identity.domain;

import java.util.Objects;

/** A record is identified by the system it came from and its id there. */
public record SourceRecordKey(String source, String recordId) {

    public SourceRecordKey {
        source = Objects.requireNonNull(source, "source").strip().toLowerCase(java.util.Locale.ROOT);
        recordId = Objects.requireNonNull(recordId, "recordId").strip();
        if (source.isEmpty() || recordId.isEmpty()) {
            throw new IllegalArgumentException("source and record id must not be empty");
        }
    }

    @Override
    public String toString() {
        return source + "/" + recordId;
    }
}
