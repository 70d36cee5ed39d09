package dev.mosaic.identity.domain.matching;

/** One value of one identifier field, e.g. email {@code info@shop.de}. */
public record IdentifierValue(IdentifierField field, String value) {
}
