package dev.mosaic.imports.domain;

/** Identifies one import of one file. */
public record ImportId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
