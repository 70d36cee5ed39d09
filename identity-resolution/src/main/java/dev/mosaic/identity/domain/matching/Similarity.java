package dev.mosaic.identity.domain.matching;

/** String similarity measures used by the comparisons. */
final class Similarity {

    private Similarity() {
    }

    /** Jaro-Winkler similarity in [0, 1], with the usual prefix scale of 0.1 over at most four characters. */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int lengthA = a.length();
        int lengthB = b.length();
        if (lengthA == 0 || lengthB == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(lengthA, lengthB) / 2 - 1);
        boolean[] matchedA = new boolean[lengthA];
        boolean[] matchedB = new boolean[lengthB];
        int matches = 0;
        for (int i = 0; i < lengthA; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lengthB - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < lengthA; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / lengthA + m / lengthB + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(lengthA, lengthB)) && a.charAt(i) == b.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /**
     * True when at most two edits (a letter replaced, inserted, deleted, or two neighbours swapped) turn one into the
     * other and their lengths differ by one at most: how far a typing error or a gendered form (Paul, Paula) goes.
     */
    static boolean typoApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()] <= 2;
    }

    /** True when one edit turns one into the other: a character replaced, inserted or deleted, or two neighbours swapped. */
    static boolean oneEditApart(String a, String b) {
        if (a.length() == b.length()) {
            return oneTypoApart(a, b);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    /** True when both strings have the same length and differ in at most one position, or in two adjacent ones swapped. */
    static boolean oneTypoApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differences == 0) {
                    first = i;
                }
                differences++;
            }
        }
        if (differences <= 1) {
            return true;
        }
        return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }
}
