package dev.mosaic.identity.domain.matching;

import java.util.List;

/** An identifier that is either the same or not: a loyalty card number, a social-media handle. */
final class IdentifierComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "different");

    private final IdentifierField identifier;
    private final boolean differenceVetoes;

    IdentifierComparison(IdentifierField identifier, boolean differenceVetoes) {
        this.identifier = identifier;
        this.differenceVetoes = differenceVetoes;
    }

    @Override
    public String field() {
        return identifier.code();
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = a.identifier(identifier);
        String y = b.identifier(identifier);
        if (x == null || y == null) {
            return UNKNOWN;
        }
        return x.equals(y) ? 0 : 1;
    }

    @Override
    public boolean differenceVetoes() {
        return differenceVetoes;
    }
}
