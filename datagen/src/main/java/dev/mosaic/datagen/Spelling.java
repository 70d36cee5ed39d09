package dev.mosaic.datagen;

import java.util.Locale;

/** Spelling transformations: ASCII transliteration, slugs for email addresses and handles, typos, case. */
final class Spelling {

    /** German keyboard neighbours, for plausible substitutions. */
    private static final String[] NEIGHBOURS = new String[26];

    static {
        String[] rows = {"qwertzuiopü", "asdfghjklöä", "yxcvbnm"};
        for (char c = 'a'; c <= 'z'; c++) {
            StringBuilder near = new StringBuilder();
            for (int r = 0; r < rows.length; r++) {
                int at = rows[r].indexOf(c);
                if (at < 0) {
                    continue;
                }
                if (at > 0) {
                    near.append(rows[r].charAt(at - 1));
                }
                if (at + 1 < rows[r].length()) {
                    near.append(rows[r].charAt(at + 1));
                }
                for (int other : new int[] {r - 1, r + 1}) {
                    if (other >= 0 && other < rows.length && at < rows[other].length()) {
                        near.append(rows[other].charAt(at));
                    }
                }
            }
            String letters = near.toString().replaceAll("[^a-z]", "");
            NEIGHBOURS[c - 'a'] = letters.isEmpty() ? "e" : letters;
        }
    }

    private Spelling() {
    }

    static boolean isAscii(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /**
     * ASCII spelling: {@code Müller → Mueller}, {@code Weiß → Weiss}, {@code José → Jose} with {@code transliterate};
     * {@code Müller → Muller} without (what systems do that just drop diacritics).
     */
    static String ascii(String text, boolean transliterate) {
        if (isAscii(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(c);
                continue;
            }
            String replacement = switch (c) {
                case 'ä' -> transliterate ? "ae" : "a";
                case 'ö' -> transliterate ? "oe" : "o";
                case 'ü' -> transliterate ? "ue" : "u";
                case 'Ä' -> transliterate ? "Ae" : "A";
                case 'Ö' -> transliterate ? "Oe" : "O";
                case 'Ü' -> transliterate ? "Ue" : "U";
                case 'ß' -> "ss";
                case 'á', 'à', 'â', 'ã', 'å', 'ą' -> "a";
                case 'é', 'è', 'ê', 'ë', 'ę' -> "e";
                case 'í', 'ì', 'î', 'ï', 'ı' -> "i";
                case 'ó', 'ò', 'ô', 'õ' -> "o";
                case 'ú', 'ù', 'û' -> "u";
                case 'ñ', 'ń' -> "n";
                case 'ç', 'ć' -> "c";
                case 'ş', 'ś' -> "s";
                case 'ğ' -> "g";
                case 'ł' -> "l";
                case 'ź', 'ż' -> "z";
                case 'ý', 'ÿ' -> "y";
                case 'œ' -> "oe";
                case 'æ' -> "ae";
                case 'Á', 'À', 'Â' -> "A";
                case 'É', 'È', 'Ê' -> "E";
                case 'Í', 'Î' -> "I";
                case 'Ó', 'Ô' -> "O";
                case 'Ú' -> "U";
                case 'Ñ' -> "N";
                case 'Ç' -> "C";
                case 'Ş' -> "S";
                default -> String.valueOf(c);
            };
            out.append(replacement);
        }
        return out.toString();
    }

    /** Lower-case ASCII for email local parts and handles: {@code Jürgen → juergen}, {@code O'Brien → obrien}. */
    static String slug(String name) {
        String ascii = ascii(name, true).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "kunde" : out.toString();
    }

    /** One plausible typo: a neighbouring key, two letters swapped, a letter dropped or doubled. */
    static String typo(String word, Rng rng) {
        if (word.length() < 3) {
            return word;
        }
        StringBuilder out = new StringBuilder(word);
        int at = rng.between(1, word.length() - 1);
        switch (rng.nextInt(4)) {
            case 0 -> {
                char c = out.charAt(at);
                char lower = Character.toLowerCase(c);
                if (lower >= 'a' && lower <= 'z') {
                    char near = rng.pick(NEIGHBOURS[lower - 'a']);
                    out.setCharAt(at, Character.isUpperCase(c) ? Character.toUpperCase(near) : near);
                } else {
                    out.deleteCharAt(at);
                }
            }
            case 1 -> {
                int left = Math.min(at, word.length() - 2);
                char c = out.charAt(left);
                out.setCharAt(left, out.charAt(left + 1));
                out.setCharAt(left + 1, c);
            }
            case 2 -> out.deleteCharAt(at);
            default -> out.insert(at, out.charAt(at));
        }
        return out.toString();
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** {@code anna.schmidt@gmx.example → Anna.Schmidt@Gmx.example}. */
    static String capitalised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '@' || c == '_' || c == '-' || c == ' ';
            if (c == '@') {
                // keep the top-level domain lower case, as people type it
                int lastDot = text.lastIndexOf('.');
                if (lastDot > i) {
                    for (int j = i + 1; j < text.length(); j++) {
                        char d = text.charAt(j);
                        out.append(j == i + 1 ? Character.toUpperCase(d) : d);
                    }
                    return out.toString();
                }
            }
        }
        return out.toString();
    }

    /** Random upper and lower case letters: {@code aNNa.SchMidt@…}. */
    static String mixedCase(String text, Rng rng) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(rng.chance(0.3) ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
