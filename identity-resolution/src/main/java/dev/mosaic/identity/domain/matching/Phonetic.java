package dev.mosaic.identity.domain.matching;

/**
 * American Soundex over a folded name ("meyer", "maier" and "mayr" share M600), used as one comparison level and as
 * a blocking key. Each word of a double name is not coded separately: the first letters dominate either way.
 */
final class Phonetic {

    //                                        abcdefghijklmnopqrstuvwxyz
    private static final String CODES = "01230120022455012623010202";

    private Phonetic() {
    }

    static String code(String folded) {
        if (folded == null) {
            return null;
        }
        StringBuilder code = new StringBuilder(4);
        char previous = 0;
        for (int i = 0; i < folded.length() && code.length() < 4; i++) {
            char c = folded.charAt(i);
            if (c < 'a' || c > 'z') {
                continue;
            }
            char digit = CODES.charAt(c - 'a');
            if (code.isEmpty()) {
                code.append(Character.toUpperCase(c));
            } else if (digit != '0' && digit != previous) {
                code.append(digit);
            }
            if (c != 'h' && c != 'w') {
                previous = digit;
            }
        }
        if (code.isEmpty()) {
            return null;
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }
}
