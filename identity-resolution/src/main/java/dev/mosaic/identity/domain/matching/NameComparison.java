package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.function.Function;

/** First or last name: exact, swapped with the other name, nickname, close by Jaro-Winkler, initial, phonetic. */
final class NameComparison implements Comparison {

    static final List<String> FIRST_NAME_LEVELS =
            List.of("exact", "swapped", "nickname", "jaro_winkler_0.92", "initial", "phonetic", "jaro_winkler_0.80", "different");
    static final List<String> LAST_NAME_LEVELS =
            List.of("exact", "swapped", "jaro_winkler_0.92", "phonetic", "jaro_winkler_0.80", "different");

    private final boolean firstName;

    private NameComparison(boolean firstName) {
        this.firstName = firstName;
    }

    static NameComparison firstName() {
        return new NameComparison(true);
    }

    static NameComparison lastName() {
        return new NameComparison(false);
    }

    @Override
    public String field() {
        return firstName ? "first_name" : "last_name";
    }

    @Override
    public List<String> levels() {
        return firstName ? FIRST_NAME_LEVELS : LAST_NAME_LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = firstName ? a.firstName() : a.lastName();
        String y = firstName ? b.firstName() : b.lastName();
        if (x == null || y == null) {
            return UNKNOWN;
        }
        List<String> levels = levels();
        if (x.equals(y)) {
            return 0;
        }
        if (swapped(a, b)) {
            return 1;
        }
        if (firstName && Nicknames.sameName(x, y)) {
            return levels.indexOf("nickname");
        }
        double similarity = Similarity.jaroWinkler(x, y);
        if (similarity >= 0.92) {
            return levels.indexOf("jaro_winkler_0.92");
        }
        if (firstName && (isInitialOf(x, y) || isInitialOf(y, x))) {
            return levels.indexOf("initial");
        }
        String phoneticX = firstName ? a.firstNamePhonetic() : a.lastNamePhonetic();
        String phoneticY = firstName ? b.firstNamePhonetic() : b.lastNamePhonetic();
        if (phoneticX != null && phoneticX.equals(phoneticY)) {
            return levels.indexOf("phonetic");
        }
        if (similarity >= 0.80) {
            return levels.indexOf("jaro_winkler_0.80");
        }
        return levels.size() - 1;
    }

    @Override
    public Function<MatchRecord, String> termFrequencyValue() {
        return firstName ? MatchRecord::firstName : MatchRecord::lastName;
    }

    /**
     * False when the first names clearly belong to different people (also when one record has its names the other way
     * round). Surnames are left out on purpose: they change at marriage, and a household shares one.
     */
    static boolean mayBeSamePerson(MatchRecord a, MatchRecord b) {
        if (a.firstName() == null || b.firstName() == null) {
            return true;
        }
        return compatibleFirstNames(a.firstName(), b.firstName()) || swappedFirstName(a, b) || swappedFirstName(b, a);
    }

    /** a's first name is b's last name and a's last name (if known) is b's first: names entered the other way round. */
    private static boolean swappedFirstName(MatchRecord a, MatchRecord b) {
        return b.lastName() != null && compatibleFirstNames(a.firstName(), b.lastName())
                && (a.lastName() == null || compatibleFirstNames(a.lastName(), b.firstName()));
    }

    static boolean compatibleFirstNames(String x, String y) {
        return x.equals(y) || Nicknames.sameName(x, y) || Similarity.jaroWinkler(x, y) >= 0.80
                || isInitialOf(x, y) || isInitialOf(y, x) || java.util.Objects.equals(Phonetic.code(x), Phonetic.code(y));
    }

    private static boolean swapped(MatchRecord a, MatchRecord b) {
        return a.firstName() != null && a.lastName() != null && b.firstName() != null && b.lastName() != null
                && !a.firstName().equals(a.lastName())
                && a.firstName().equals(b.lastName()) && a.lastName().equals(b.firstName());
    }

    private static boolean isInitialOf(String initial, String name) {
        String stripped = initial.endsWith(".") ? initial.substring(0, initial.length() - 1) : initial;
        return stripped.length() == 1 && name.charAt(0) == stripped.charAt(0);
    }
}
