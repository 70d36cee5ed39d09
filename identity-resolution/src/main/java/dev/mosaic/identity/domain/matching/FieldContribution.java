package dev.mosaic.identity.domain.matching;

import java.util.Locale;

/**
 * How much one field moved the match weight of a pair: the level its values reached and the log2 Bayes factor
 * that level is worth (positive for evidence of one person, negative against), term-frequency adjustment included.
 */
public record FieldContribution(String field, String level, double weight) {

    /** A compact form for storing on a link: {@code first_name:exact:+5.21}. */
    public String encoded() {
        return field + ':' + level + ':' + String.format(Locale.ROOT, "%+.2f", weight);
    }

    public static FieldContribution decode(String encoded) {
        int last = encoded.lastIndexOf(':');
        int first = encoded.indexOf(':');
        return new FieldContribution(encoded.substring(0, first), encoded.substring(first + 1, last),
                Double.parseDouble(encoded.substring(last + 1)));
    }
}
