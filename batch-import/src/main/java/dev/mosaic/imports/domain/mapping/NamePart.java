package dev.mosaic.imports.domain.mapping;

/** Which part of a full name a {@link FieldRule.SplitName} rule takes. */
public enum NamePart {
    FIRST, LAST, SALUTATION
}
