package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which records are worth comparing: only those with the same key under at least one rule. {@code fixedFields} are the
 * comparisons a rule makes agree (or nearly: the same sound) by construction, which model training must not learn from
 * that rule's pairs.
 */
public record BlockingRule(String name, Set<String> fixedFields, Function<MatchRecord, String> key) {

    public BlockingRule {
        fixedFields = Set.copyOf(fixedFields);
    }

    /** The rules that find candidates: every strong identifier, and several name, date and place combinations. */
    public static List<BlockingRule> candidateRules() {
        return List.of(
                new BlockingRule("email", Set.of("email"), MatchRecord::email),
                new BlockingRule("phone", Set.of("phone"), MatchRecord::phoneNational),
                new BlockingRule("loyalty_id", Set.of("loyalty_id"), MatchRecord::loyaltyId),
                new BlockingRule("social_handle", Set.of("social_handle"), BlockingRule::handleOnAnyPlatform),
                new BlockingRule("birth_date", Set.of("birth_date"), r -> r.birthDate() == null ? null : r.birthDate().toString()),
                new BlockingRule("names_phonetic", Set.of("first_name", "last_name"), BlockingRule::phoneticNamesInAnyOrder),
                new BlockingRule("names_any_order", Set.of("first_name", "last_name"), BlockingRule::namesInAnyOrder),
                new BlockingRule("last_name_postal_code", Set.of("last_name", "address"),
                        r -> join(r.lastName(), r.postalCode())),
                new BlockingRule("first_name_postal_code", Set.of("first_name", "address"),
                        r -> join(r.firstName(), r.postalCode())),
                new BlockingRule("street_postal_code", Set.of("address"),
                        r -> r.postalCode() == null ? null : join(r.postalCode(), streetStart(r))),
                new BlockingRule("street_last_name", Set.of("address", "last_name"),
                        r -> r.lastNamePhonetic() == null ? null : join(r.lastNamePhonetic(), streetStart(r))));
    }

    /** The rules model training learns from, each leaving the other fields free to show how matches differ. */
    public static List<BlockingRule> trainingRules() {
        return List.of(
                new BlockingRule("birth_date", Set.of("birth_date"), r -> r.birthDate() == null ? null : r.birthDate().toString()),
                new BlockingRule("last_name_first_initial", Set.of("last_name", "first_name"),
                        r -> r.firstName() == null ? null : join(r.lastName(), r.firstName().substring(0, 1))),
                new BlockingRule("email", Set.of("email"), MatchRecord::email),
                new BlockingRule("phone", Set.of("phone"), MatchRecord::phone));
    }

    /** Both names' phonetic codes, in either order: a swapped name with a typo in it still meets its record. */
    private static String phoneticNamesInAnyOrder(MatchRecord record) {
        String first = record.firstNamePhonetic();
        String last = record.lastNamePhonetic();
        if (first == null || last == null) {
            return null;
        }
        return first.compareTo(last) <= 0 ? first + '|' + last : last + '|' + first;
    }

    /**
     * House number and the first three letters of the street: tolerant of the typos and abbreviations later in a
     * street name ("fuhrmans treet", "Hauptstr."), which a key on the whole street would miss. With the postal code
     * (people who changed their surname) or with the surname's sound (a mistyped postal code).
     */
    private static String streetStart(MatchRecord record) {
        if (record.street() == null) {
            return null;
        }
        String number = null;
        StringBuilder letters = new StringBuilder();
        for (String token : record.street().split(" ")) {
            if (token.chars().anyMatch(Character::isDigit)) {
                number = number == null ? token : number;
            } else if (letters.length() < 3) {
                letters.append(token);
            }
        }
        String start = letters.length() > 3 ? letters.substring(0, 3) : letters.toString();
        return (number == null ? "" : number) + '|' + start;
    }

    private static String handleOnAnyPlatform(MatchRecord record) {
        String handle = record.socialHandle();
        return handle == null ? null : handle.substring(handle.indexOf(':') + 1);
    }

    private static String namesInAnyOrder(MatchRecord record) {
        if (record.firstName() == null || record.lastName() == null) {
            return null;
        }
        return record.firstName().compareTo(record.lastName()) <= 0
                ? record.firstName() + '|' + record.lastName() : record.lastName() + '|' + record.firstName();
    }

    private static String join(String a, String b) {
        return a == null || b == null ? null : a + '|' + b;
    }
}
