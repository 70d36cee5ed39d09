package dev.mosaic.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void foldsUmlautsAccentsAndCaseSoSpellingsMeet() {
        assertThat(SearchKeys.tokens("Jürgen Müller-Lüdenscheidt")).containsExactly("juergen", "mueller", "luedenscheidt");
        assertThat(SearchKeys.tokens("MUELLER")).containsExactly("mueller");
        assertThat(SearchKeys.tokens("José García")).containsExactly("jose", "garcia");
        assertThat(SearchKeys.tokens("  ")).isEmpty();
    }

    @Test
    void readsTheSearchTextAsNameEmailPhoneAndFilters() {
        SearchQuery query = SearchQuery.of(" Ann Sch ", "Köln", " BER-01 ", "DE");

        assertThat(query.nameTokens()).containsExactly("ann", "sch");
        assertThat(query.email()).isNull();
        assertThat(query.phoneKey()).isNull();
        assertThat(query.cityKey()).isEqualTo("koeln");
        assertThat(query.store()).isEqualTo("BER-01");
        assertThat(SearchQuery.of("+49 151 23456781", null, null, "DE").phoneKey()).isEqualTo("+4915123456781");
    }

    @Test
    void keysEveryBeginningOfEveryNameForSearchAsYouType() {
        assertThat(SearchKeys.prefixes(List.of("anna", "ab"))).containsExactly("a", "an", "ann");
    }

    @Test
    void aTypedTokenMeetsTheNamesOneTypingErrorAwayWhateverTheError() {
        assertThat(meets("shmidt", "schmidt")).as("a letter left out").isTrue();
        assertThat(meets("schmiddt", "schmidt")).as("a letter too many").isTrue();
        assertThat(meets("schnidt", "schmidt")).as("a wrong letter").isTrue();
        assertThat(meets("schmdit", "schmidt")).as("neighbours swapped").isTrue();
        assertThat(meets("muller", "mueller")).as("an umlaut written without its e").isTrue();
        assertThat(meets("jon", "jo")).as("three letters tolerate one error").isTrue();
    }

    @Test
    void aTypedTokenDoesNotMeetNamesFurtherAwayOrWithAnotherFirstLetter() {
        assertThat(meets("schmitz", "schmidt")).as("two letters wrong").isFalse();
        assertThat(meets("max", "mia")).as("one left out and another added").isFalse();
        assertThat(meets("chmidt", "schmidt")).as("the first letter left out").isFalse();
        assertThat(meets("tchmidt", "schmidt")).as("the first letter wrong").isFalse();
        assertThat(meets("an", "ann")).as("two letters tolerate no error").isFalse();
    }

    @Test
    void meetsExactlyTheNamesWithinOneEditNotInTheFirstLetterForRandomNames() {
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            String name = randomToken(random, 2 + random.nextInt(9));
            String typed = randomEdits(name, random, random.nextInt(3), random);
            if (typed.equals(name)) {
                continue; // the exact match is a way of its own, scored above a typing error
            }
            boolean oneEditAway = typed.length() >= SearchKeys.MIN_LENGTH_FOR_A_TYPO
                    && typed.charAt(0) == name.charAt(0) && damerau(typed, name) == 1;
            assertThat(meets(typed, name)).as("'%s' typed for '%s'", typed, name).isEqualTo(oneEditAway);
        }
    }

    /** What the search does with the keys: the probe's names against the name, its keys against the name's keys. */
    private static boolean meets(String typed, String name) {
        SearchKeys.TypoProbe probe = SearchKeys.TypoProbe.of(typed);
        Set<String> keys = new HashSet<>(SearchKeys.typoKeys(List.of(name)));
        return probe.names().contains(name) || probe.keys().stream().anyMatch(keys::contains);
    }

    private static String randomToken(Random random, int length) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append("abcdeilnorst".charAt(random.nextInt(12)));
        }
        return token.toString();
    }

    private static String randomEdits(String name, Random letters, int edits, Random random) {
        String edited = name;
        for (int e = 0; e < edits && edited.length() > 1; e++) {
            int at = random.nextInt(edited.length());
            char letter = "abcdeilnorst".charAt(letters.nextInt(12));
            edited = switch (random.nextInt(4)) {
                case 0 -> edited.substring(0, at) + edited.substring(at + 1);
                case 1 -> edited.substring(0, at) + letter + edited.substring(at);
                case 2 -> edited.substring(0, at) + letter + edited.substring(at + 1);
                default -> at + 1 < edited.length() ? edited.substring(0, at) + edited.charAt(at + 1) + edited.charAt(at)
                        + edited.substring(at + 2) : edited;
            };
        }
        return edited;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int damerau(String a, String b) {
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
        return d[a.length()][b.length()];
    }
}
