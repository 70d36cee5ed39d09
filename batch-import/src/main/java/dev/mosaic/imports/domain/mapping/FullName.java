package dev.mosaic.imports.domain.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a full name into salutation, first and last name. A leading salutation or title ("Frau", "Herr", "Mrs",
 * "Dr.", "Sra.") is its own part, so that "Frau Schmidt" has no first name "Frau"; after one, a single word is the last
 * name. "Müller, Hans" is read last name first; otherwise the last word is the last name, together with particles
 * before it ("Jan van der Berg") and a suffix after it ("Martin Luther King Jr."); a single word alone is a first name.
 * Every word ends up in one of the parts, so nothing of the name is lost.
 */
public final class FullName {

    private static final Set<String> PARTICLES = Set.of("van", "von", "vom", "zu", "zum", "zur", "der", "den",
            "de", "des", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ten", "ter", "af", "av");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");
    /** Forms of address and titles, compared in lower case without a trailing dot. "M." is left alone: an initial. */
    private static final Set<String> SALUTATIONS = Set.of("herr", "hr", "frau", "fr", "fräulein", "mr", "mrs", "ms",
            "miss", "mx", "sir", "dame", "dr", "prof", "mme", "mlle", "madame", "monsieur", "sr", "sra", "srta",
            "señor", "señora", "senor", "senora", "don", "doña", "dona", "sig", "sig.ra", "signor", "signora");

    private FullName() {
    }

    /** The part of the name, or an empty string when the name has no such part. */
    public static String part(String fullName, NamePart part) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        List<String> words = name.isEmpty() ? List.of() : Arrays.asList(name.split(" "));
        int salutationEnd = 0;
        while (salutationEnd < words.size() - 1 && isSalutation(words.get(salutationEnd))) {
            salutationEnd++;
        }
        if (part == NamePart.SALUTATION) {
            return String.join(" ", words.subList(0, salutationEnd));
        }
        String rest = String.join(" ", words.subList(salutationEnd, words.size()));
        int comma = rest.indexOf(',');
        if (comma >= 0) {
            return part == NamePart.FIRST ? rest.substring(comma + 1).strip() : rest.substring(0, comma).strip();
        }
        List<String> names = words.subList(salutationEnd, words.size());
        if (names.isEmpty()) {
            return "";
        }
        int lastNameStart = salutationEnd > 0 && names.size() == 1 ? 0 : lastNameStart(names);
        List<String> taken = part == NamePart.FIRST ? names.subList(0, lastNameStart)
                : names.subList(lastNameStart, names.size());
        return String.join(" ", taken);
    }

    private static boolean isSalutation(String word) {
        String bare = word.toLowerCase(Locale.ROOT);
        if (bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return SALUTATIONS.contains(bare);
    }

    private static int lastNameStart(List<String> words) {
        int start = words.size() - 1;
        if (start == 0) {
            return 1;
        }
        if (start >= 2 && SUFFIXES.contains(words.get(start).toLowerCase(Locale.ROOT))) {
            start--;
        }
        while (start > 1 && PARTICLES.contains(words.get(start - 1).toLowerCase(Locale.ROOT))) {
            start--;
        }
        return start;
    }
}
