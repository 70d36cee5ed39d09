package dev.mosaic.identity.domain;

import java.util.Objects;

/** A typed, normalised identifier value such as an email address. */
public record Identifier(IdentifierType type, String value) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
