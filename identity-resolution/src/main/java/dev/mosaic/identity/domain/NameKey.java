package dev.mosaic.identity.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name folded to plain lower-case ASCII for comparing: German umlauts and ß written out (so "Müller" and "Mueller"
 * fold alike), other accents dropped ("García" → "garcia"), punctuation and hyphens as single spaces.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String fold(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String spelledOut = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String withoutAccents = Normalizer.normalize(spelledOut, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = withoutAccents.replaceAll("[^a-z0-9]+", " ").strip();
        return key.isEmpty() ? null : key;
    }
}
