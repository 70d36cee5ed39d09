package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which records are worth comparing: only those with the same key under at least one rule. {@code fixedFields} are the
 * comparisons a rule makes agree by construction, which model training must not learn from that rule's pairs.
 */
public record BlockingRule(String name, Set<String> fixedFields, Function<MatchRecord, String> key) {

    public BlockingRule {
        fixedFields = Set.copyOf(fixedFields);
    }

    /** The rules that find candidates: every strong identifier, and several name, date and place combinations. */
    public static List<BlockingRule> candidateRules() {
        return List.of(
                new BlockingRule("email", Set.of("email"), MatchRecord::email),
                new BlockingRule("phone", Set.of("phone"), MatchRecord::phone),
                new BlockingRule("loyalty_id", Set.of("loyalty_id"), MatchRecord::loyaltyId),
                new BlockingRule("social_handle", Set.of("social_handle"), MatchRecord::socialHandle),
                new BlockingRule("birth_date", Set.of("birth_date"), r -> r.birthDate() == null ? null : r.birthDate().toString()),
                new BlockingRule("names_phonetic", Set.of(), r -> join(r.firstNamePhonetic(), r.lastNamePhonetic())),
                new BlockingRule("names_any_order", Set.of(), BlockingRule::namesInAnyOrder),
                new BlockingRule("last_name_postal_code", Set.of("last_name", "postal_code"),
                        r -> join(r.lastName(), r.postalCode())),
                new BlockingRule("first_name_postal_code", Set.of("first_name", "postal_code"),
                        r -> join(r.firstName(), r.postalCode())),
                new BlockingRule("street_postal_code", Set.of("street", "postal_code"),
                        r -> join(r.street(), r.postalCode())));
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
