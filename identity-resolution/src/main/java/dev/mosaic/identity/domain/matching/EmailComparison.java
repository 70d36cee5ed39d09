package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Emails: exact; the same local part at another domain (a person's work and private mailbox); one typo apart (a letter
 * replaced or two swapped in the local part, or in the domain); different. Addresses that differ in their digits or
 * separators ({@code sandra.meyer@} and {@code sandra.meyer00@}) are different addresses, not typos: people who share
 * a name pick them to tell their mailboxes apart.
 */
final class EmailComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "same_local_part", "one_typo", "different");

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
        int atX = x.indexOf('@');
        int atY = y.indexOf('@');
        String localX = x.substring(0, atX);
        String localY = y.substring(0, atY);
        String domainX = x.substring(atX + 1);
        String domainY = y.substring(atY + 1);
        if (localX.equals(localY)) {
            if (Similarity.oneTypoApart(domainX, domainY)) {
                return 2;
            }
            if (madeOfTheName(localX, a) || madeOfTheName(localX, b)) {
                // "jean.martin@" at two providers says no more than the name itself, which the names already count:
                // every Jean Martin picks that local part somewhere.
                return UNKNOWN;
            }
            return localX.length() >= 6 ? 1 : 3;
        }
        return domainX.equals(domainY) && letterTypo(localX, localY) ? 2 : 3;
    }

    // Compiled once: this runs for pairs being scored, and String.replaceAll compiles its pattern on every call.
    private static final Pattern SEPARATORS = Pattern.compile("[._-]");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");

    /**
     * A local part that is nothing but the record's names (jean.martin, martin_jean, jmartin, j.martin, jean): no
     * digits or other words that would make it the person's own.
     */
    static boolean madeOfTheName(String localPart, MatchRecord record) {
        if (record.firstName() == null || record.lastName() == null) {
            return false;
        }
        String letters = SEPARATORS.matcher(localPart).replaceAll("");
        if (!letters.chars().allMatch(Character::isLetter)) {
            return false;
        }
        String first = NOT_LETTERS.matcher(record.firstName()).replaceAll("");
        String last = NOT_LETTERS.matcher(record.lastName()).replaceAll("");
        if (first.isEmpty() || last.isEmpty()) {
            return false;
        }
        String lastFirstWord = NOT_LETTERS.matcher(record.lastName().split(" ")[0]).replaceAll("");
        for (String surname : new String[] {last, lastFirstWord}) {
            if (letters.equals(first + surname) || letters.equals(surname + first)
                    || letters.equals(first.charAt(0) + surname) || letters.equals(surname + first.charAt(0))
                    || letters.equals(first) || letters.equals(surname)) {
                return true;
            }
        }
        return false;
    }

    /** One letter replaced by another letter, or two adjacent letters swapped; digits and separators must agree. */
    private static boolean letterTypo(String x, String y) {
        if (x.length() < 4 || !Similarity.oneTypoApart(x, y)) {
            return false;
        }
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i) && (!Character.isLetter(x.charAt(i)) || !Character.isLetter(y.charAt(i)))) {
                return false;
            }
        }
        return true;
    }
}
