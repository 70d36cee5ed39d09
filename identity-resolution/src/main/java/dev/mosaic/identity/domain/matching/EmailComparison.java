package dev.mosaic.identity.domain.matching;

import java.util.List;

/** Emails: exact, same local part at another domain (a person's work and private mailbox), close, or different. */
final class EmailComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "same_local_part", "jaro_winkler_0.88", "different");

    @Override
    public String field() {
        return "email";
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = a.email();
        String y = b.email();
        if (x == null || y == null) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 0;
        }
        String localX = x.substring(0, x.indexOf('@'));
        String localY = y.substring(0, y.indexOf('@'));
        if (localX.length() >= 6 && localX.equals(localY)) {
            return 1;
        }
        return Similarity.jaroWinkler(x, y) >= 0.88 ? 2 : 3;
    }
}
