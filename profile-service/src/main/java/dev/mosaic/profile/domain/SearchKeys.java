package dev.mosaic.profile.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mosaic.identity.domain.NameKey;

/**
 * The keys a profile is searched by, folded in Java ({@link NameKey}: lower case, umlauts spelled out, accents
 * dropped) because the Elasticsearch core node has no folding analyzers; the same mapping then works on any cluster.
 * <p>
 * Prefixes and typing errors are keys too, computed here once per profile when it is indexed, so that a search is a
 * handful of exact term lookups instead of a prefix or fuzzy query that has to walk the term dictionary of a
 * million profiles' names on every keystroke (a fuzzy name query cost 15 ms of Elasticsearch time at the median and
 * over 100 ms at p99 at 1,000,000 profiles; exact terms 2 ms). A typing error is one letter left out, one too many,
 * one replaced, or two neighbours swapped (Damerau distance 1), never in the first letter: {@link #typoKeys} are the
 * keys of a name, {@link TypoProbe} what a typed token is looked up as.
 */
public final class SearchKeys {

    /** Stands for the replaced letter in a key; folding leaves only a-z, 0-9 and spaces, so it never clashes. */
    static final char ANY_LETTER = '_';
    /** Tokens of this length or more tolerate one typing error (Elasticsearch's AUTO fuzziness does the same). */
    public static final int MIN_LENGTH_FOR_A_TYPO = 3;
    /** Tokens of this length or more tolerate two typing errors (AUTO again), found by a slower fallback. */
    public static final int MIN_LENGTH_FOR_TWO_TYPOS = 6;

    private SearchKeys() {
    }

    /** Folded tokens of a text: "Jürgen Müller-Lüdenscheidt" gives juergen, mueller, luedenscheidt. */
    public static List<String> tokens(String text) {
        String folded = NameKey.fold(text);
        return folded == null ? List.of() : Arrays.stream(folded.split(" ")).filter(token -> !token.isEmpty()).toList();
    }

    /** Every name the profile is known by: its display name and every first and last name any of its records gave. */
    public static List<String> nameTokens(ProfileView profile) {
        Set<String> tokens = new LinkedHashSet<>(tokens(profile.displayName()));
        if (profile.golden() != null) {
            addValues(tokens, profile.golden().firstName());
            addValues(tokens, profile.golden().lastName());
        }
        for (ProfileView.SourceRecordView record : profile.sourceRecords()) {
            tokens.addAll(tokens(record.firstName()));
            tokens.addAll(tokens(record.lastName()));
        }
        return new ArrayList<>(tokens);
    }

    /** Every beginning of every token, one letter short of the whole token: "sch" and "schm" of "schmidt". */
    public static List<String> prefixes(Collection<String> tokens) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String token : tokens) {
            for (int end = 1; end < token.length(); end++) {
                prefixes.add(token.substring(0, end));
            }
        }
        return new ArrayList<>(prefixes);
    }

    /**
     * The keys that a token typed with one error meets ({@link TypoProbe}): each letter after the first left out
     * ("schmdt" of "schmidt", for tokens of 4 letters or more, since only a typed token of 3 or more tolerates an
     * error), and each letter after the first replaced by {@value #ANY_LETTER} ("sch_idt").
     */
    public static List<String> typoKeys(Collection<String> tokens) {
        Set<String> keys = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.length() > MIN_LENGTH_FOR_A_TYPO) {
                keys.addAll(withOneLetterLeftOut(token));
            }
            if (token.length() >= MIN_LENGTH_FOR_A_TYPO) {
                keys.addAll(withOneLetterReplaced(token));
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * How a typed token is looked up to find the names it is one typing error away from.
     *
     * @param names compared with the names themselves: the token with a letter too many left out, or with two
     *              neighbours swapped back
     * @param keys compared with the names' {@link #typoKeys}: the token itself (a letter of the name left out) and the
     *             token with a letter replaced by {@value #ANY_LETTER} (a wrong letter)
     */
    public record TypoProbe(List<String> names, List<String> keys) {

        public TypoProbe {
            names = List.copyOf(names);
            keys = List.copyOf(keys);
        }

        /** Empty for a token too short to tolerate an error. */
        public static TypoProbe of(String token) {
            if (token.length() < MIN_LENGTH_FOR_A_TYPO) {
                return new TypoProbe(List.of(), List.of());
            }
            Set<String> names = new LinkedHashSet<>(withOneLetterLeftOut(token));
            for (int i = 1; i + 1 < token.length(); i++) {
                if (token.charAt(i) != token.charAt(i + 1)) {
                    char[] swapped = token.toCharArray();
                    swapped[i] = token.charAt(i + 1);
                    swapped[i + 1] = token.charAt(i);
                    names.add(new String(swapped));
                }
            }
            names.remove(token);
            Set<String> keys = new LinkedHashSet<>();
            keys.add(token);
            keys.addAll(withOneLetterReplaced(token));
            return new TypoProbe(new ArrayList<>(names), new ArrayList<>(keys));
        }

        public boolean isEmpty() {
            return names.isEmpty() && keys.isEmpty();
        }
    }

    private static List<String> withOneLetterLeftOut(String token) {
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 1; i < token.length(); i++) {
            variants.add(token.substring(0, i) + token.substring(i + 1));
        }
        return new ArrayList<>(variants);
    }

    private static List<String> withOneLetterReplaced(String token) {
        List<String> variants = new ArrayList<>(token.length() - 1);
        for (int i = 1; i < token.length(); i++) {
            variants.add(token.substring(0, i) + ANY_LETTER + token.substring(i + 1));
        }
        return variants;
    }

    /** Every city of the profile, folded. */
    public static List<String> cityKeys(ProfileView profile) {
        Set<String> keys = new LinkedHashSet<>();
        profile.cities().stream().map(NameKey::fold).filter(key -> key != null).forEach(keys::add);
        if (profile.golden() != null && profile.golden().address() != null) {
            String city = NameKey.fold(profile.golden().address().city());
            if (city != null) {
                keys.add(city);
            }
        }
        return new ArrayList<>(keys);
    }

    private static void addValues(Set<String> tokens, GoldenRecord.GoldenValue value) {
        if (value != null) {
            value.values().forEach(candidate -> tokens.addAll(tokens(candidate.value())));
        }
    }
}
