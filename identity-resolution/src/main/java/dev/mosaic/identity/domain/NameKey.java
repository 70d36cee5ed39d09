package dev.mosaic.identity.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name folded to plain lower-case ASCII for comparing: German umlauts and ß written out (so "Müller" and "Mueller"
 * fold alike), other accents dropped ("García" → "garcia"), punctuation and hyphens as single spaces.
 */
public final class NameKey {

    // Compiled once: String.replaceAll compiles its pattern on every call, and every candidate of every chunk is folded.
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^a-z0-9]+");

    private NameKey() {
    }

    public static String fold(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String spelledOut = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String withoutAccents = COMBINING_MARKS.matcher(Normalizer.normalize(spelledOut, Normalizer.Form.NFD))
                .replaceAll("");
        String key = NOT_LETTERS_OR_DIGITS.matcher(withoutAccents).replaceAll(" ").strip();
        return key.isEmpty() ? null : key;
    }
}
