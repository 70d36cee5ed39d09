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
        if (x.equals(y) || sameWithoutSpaces(x, y)) {
            return 0;
        }
        if (swapped(a, b)) {
            return 1;
        }
        if (firstName && Nicknames.sameName(x, y)) {
            return levels.indexOf("nickname");
        }
        if (firstName && a.firstNameEstablished() && b.firstNameEstablished() && Similarity.typoApart(x, y)
                && !sameNameWrittenOtherwise(x, y) && !shortFormOf(x, y) && !shortFormOf(y, x)) {
            // Two names each common in the data that are a typo apart (Christian, Christina; Lena, Lea) are two names.
            return levels.size() - 1;
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
        return compatibleFirstNames(a.firstName(), a.firstNameEstablished(), b.firstName(), b.firstNameEstablished())
                || swappedFirstName(a, b) || swappedFirstName(b, a);
    }

    /** a's first name is b's last name and a's last name (if known) is b's first: names entered the other way round. */
    private static boolean swappedFirstName(MatchRecord a, MatchRecord b) {
        return b.lastName() != null && compatibleFirstNames(a.firstName(), false, b.lastName(), false)
                && (a.lastName() == null || compatibleFirstNames(a.lastName(), false, b.firstName(), false));
    }

    /**
     * Whether two first names may be one person's: the same name however written (nickname, initial, the first of two
     * given names, umlauts and accents spelt out or dropped), or, unless both are names established in the data
     * ({@link FirstNames}), a spelling close enough to be a typing error or a variant.
     */
    static boolean compatibleFirstNames(String x, boolean xEstablished, String y, boolean yEstablished) {
        if (x.equals(y) || sameWithoutSpaces(x, y) || Nicknames.sameName(x, y) || isInitialOf(x, y) || isInitialOf(y, x)
                || sameNameWrittenOtherwise(x, y) || shortFormOf(x, y) || shortFormOf(y, x)) {
            return true;
        }
        if (xEstablished && yEstablished && Similarity.typoApart(x, y)) {
            return false;
        }
        return Similarity.jaroWinkler(x, y) >= 0.80 || java.util.Objects.equals(Phonetic.code(x), Phonetic.code(y));
    }

    /** Diminutive endings of short forms: Kathi, Bernie, Franzl, Wolfi, Mikey, Lukerl, Gretchen. */
    private static final List<String> DIMINUTIVE_ENDINGS = List.of("chen", "erl", "ie", "le", "i", "y", "l");

    /**
     * A short form made the usual way: the beginning of the name, at least three letters and two shorter (Micha for
     * Michael, Seb for Sebastian), or its first three letters or more with a diminutive ending (Kathi, Luki, Sari), or
     * its end (Lotte for Charlotte, Hias for Matthias).
     */
    static boolean shortFormOf(String shortForm, String name) {
        if (shortForm.length() < 3 || shortForm.equals(name) || shortForm.indexOf(' ') >= 0) {
            return false;
        }
        if (name.length() - shortForm.length() >= 2 && name.startsWith(shortForm)) {
            return true;
        }
        if (shortForm.length() >= 4 && name.length() - shortForm.length() >= 2 && name.endsWith(shortForm)) {
            return true;
        }
        if (name.startsWith(shortForm)) {
            return false;  // one letter more at the end is another name (Paul, Paula), not a short form
        }
        for (String ending : DIMINUTIVE_ENDINGS) {
            if (shortForm.endsWith(ending)) {
                String stem = shortForm.substring(0, shortForm.length() - ending.length());
                if (stem.length() >= 3 && name.startsWith(stem) && !name.equals(stem + ending)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One name in another spelling: umlauts written out or dropped (juergen, jurgen), or one of two given names
     * (hans peter, hans; maria jose, maria).
     */
    static boolean sameNameWrittenOtherwise(String x, String y) {
        if (soundSpelling(withoutUmlautSpelling(x)).equals(soundSpelling(withoutUmlautSpelling(y)))) {
            return true;
        }
        String firstWordX = firstWord(x);
        String firstWordY = firstWord(y);
        boolean compoundX = firstWordX.length() < x.length();
        boolean compoundY = firstWordY.length() < y.length();
        return (compoundX || compoundY) && firstWordX.length() > 1 && firstWordX.equals(firstWordY);
    }

    private static String withoutUmlautSpelling(String folded) {
        return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u").replace("ss", "s");
    }

    /**
     * One spelling for letters that sound alike: a C before a, o, u, l or r at the start is a K (Clara and Klara, Carl
     * and Karl, Claus and Klaus), ph is f (Stephan and Stefan), th is t (Thomas and Tomas). These are one name written two
     * ways, not two names a typo apart, so they stay one person's even when both spellings are established. Ch (Christian)
     * is left alone.
     */
    private static String soundSpelling(String folded) {
        String spelt = folded.replace("ph", "f").replace("th", "t");
        if (spelt.length() > 1 && spelt.charAt(0) == 'c' && "aoulr".indexOf(spelt.charAt(1)) >= 0) {
            spelt = "k" + spelt.substring(1);
        }
        return spelt;
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** First and last name the other way round, each the same or a typo apart ("sydoernko david", "david sydorenko"). */
    private static boolean swapped(MatchRecord a, MatchRecord b) {
        return a.firstName() != null && a.lastName() != null && b.firstName() != null && b.lastName() != null
                && !a.firstName().equals(a.lastName()) && !a.firstName().equals(b.firstName())
                // a cheap gate first: names the other way round begin alike on at least one side
                && (a.firstName().charAt(0) == b.lastName().charAt(0) || a.lastName().charAt(0) == b.firstName().charAt(0))
                && (equalOrSpaced(a.firstName(), b.lastName()) && Similarity.jaroWinkler(a.lastName(), b.firstName()) >= 0.80
                    || equalOrSpaced(a.lastName(), b.firstName()) && Similarity.jaroWinkler(a.firstName(), b.lastName()) >= 0.80
                    || close(a.firstName(), b.lastName()) && close(a.lastName(), b.firstName())
                        && Similarity.jaroWinkler(a.firstName(), b.firstName()) < 0.80);
    }

    private static boolean equalOrSpaced(String x, String y) {
        return x.equals(y) || sameWithoutSpaces(x, y);
    }

    private static boolean close(String x, String y) {
        return x.equals(y) || sameWithoutSpaces(x, y) || Similarity.jaroWinkler(x, y) >= 0.92;
    }

    /** "hans peter" and "hanspeter", "samant ha" and "samantha": a space inside a name is not part of who it is. */
    private static boolean sameWithoutSpaces(String x, String y) {
        return (x.indexOf(' ') >= 0 || y.indexOf(' ') >= 0) && x.replace(" ", "").equals(y.replace(" ", ""));
    }

    private static boolean isInitialOf(String initial, String name) {
        return isInitial(initial) && name.charAt(0) == initial.charAt(0);
    }

    /** A first name given only as its initial, with or without the full stop (C, C.). */
    static boolean isInitial(String name) {
        String stripped = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return stripped.length() == 1;
    }
}
