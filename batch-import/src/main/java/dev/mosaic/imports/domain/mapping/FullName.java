package dev.mosaic.imports.domain.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a full name into first and last name. "Müller, Hans" is read last name first; otherwise the last word is
 * the last name, together with particles before it ("Jan van der Berg") and a suffix after it ("Martin Luther King
 * Jr."); a single word is a first name. Every word ends up in one of the two parts, so nothing of the name is lost.
 */
public final class FullName {

    private static final Set<String> PARTICLES = Set.of("van", "von", "vom", "zu", "zum", "zur", "der", "den",
            "de", "des", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ten", "ter", "af", "av");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

    private FullName() {
    }

    /** The part of the name, or an empty string when the name has no such part. */
    public static String part(String fullName, NamePart part) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma >= 0) {
            return part == NamePart.FIRST ? name.substring(comma + 1).strip() : name.substring(0, comma).strip();
        }
        List<String> words = Arrays.asList(name.split(" "));
        int lastNameStart = lastNameStart(words);
        List<String> taken = part == NamePart.FIRST ? words.subList(0, lastNameStart)
                : words.subList(lastNameStart, words.size());
        return String.join(" ", taken);
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
