package dev.mosaic.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The stable id of a unified profile. */
public record ProfileId(String value) {

    public ProfileId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The id a profile gets when the given record founds it. Derived from the record, so resolving the same records
     * again gives the same ids.
     */
    public static ProfileId foundedBy(SourceRecordKey key) {
        return new ProfileId(UUID.nameUUIDFromBytes(("profile:" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
