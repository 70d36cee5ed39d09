package dev.mosaic.identity.domain.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Identifier values that do not prove identity: placeholders ({@code noemail@…}, {@code +49000000}) and values that
 * records of people with different names share (a family mailbox, the store's own phone on walk-in sales). They stay
 * on the records but are left out of blocking, comparison and deterministic links. Stewards can add values to the
 * list or vouch for a value the detection flagged.
 */
public final class GenericIdentifiers {

    /** Why a value is generic, and how many records carry it. */
    public record GenericValue(IdentifierValue identifier, String reason, int records) {
    }

    /** Steward decisions: values to treat as generic whatever the data says, and values to trust. */
    public record Overrides(Set<IdentifierValue> generic, Set<IdentifierValue> trusted) {

        public Overrides {
            generic = Set.copyOf(generic);
            trusted = Set.copyOf(trusted);
        }

        public static Overrides none() {
            return new Overrides(Set.of(), Set.of());
        }
    }

    private static final Pattern PLACEHOLDER_LOCAL_PART = Pattern.compile(
            "(no|none|nomail|noemail|no[._-]?email|keine?|keine?[._-]?e?mail|test|dummy|unknown|unbekannt|n[./]?a|x+|"
                    + "no[._-]?reply|donotreply|kunde|customer|anonymous|anonym|fake|null|nobody)");
    private static final Pattern PLACEHOLDER_PHONE = Pattern.compile("\\+\\d{1,3}(0{5,}|1{5,}|123456\\d*)");

    private final Map<IdentifierValue, GenericValue> values;

    private GenericIdentifiers(Map<IdentifierValue, GenericValue> values) {
        this.values = values;
    }

    public static GenericIdentifiers none() {
        return new GenericIdentifiers(Map.of());
    }

    public static GenericIdentifiers of(List<GenericValue> values) {
        Map<IdentifierValue, GenericValue> map = new HashMap<>();
        values.forEach(value -> map.put(value.identifier(), value));
        return new GenericIdentifiers(map);
    }

    /** Finds the generic values among the records' identifiers. */
    public static GenericIdentifiers detect(List<MatchRecord> records, Overrides overrides) {
        Map<IdentifierValue, List<MatchRecord>> holders = new HashMap<>();
        for (MatchRecord record : records) {
            for (IdentifierField field : IdentifierField.values()) {
                String value = record.identifier(field);
                if (value != null) {
                    holders.computeIfAbsent(new IdentifierValue(field, value), v -> new ArrayList<>(2)).add(record);
                }
            }
        }
        Map<IdentifierValue, GenericValue> generic = new HashMap<>();
        holders.forEach((identifier, sharing) -> {
            if (overrides.trusted().contains(identifier)) {
                return;
            }
            String reason = overrides.generic().contains(identifier) ? "listed by a steward"
                    : placeholder(identifier) ? "placeholder value" : sharedByDifferentPeople(sharing);
            if (reason != null) {
                generic.put(identifier, new GenericValue(identifier, reason, sharing.size()));
            }
        });
        overrides.generic().forEach(identifier -> generic.putIfAbsent(identifier,
                new GenericValue(identifier, "listed by a steward", 0)));
        return new GenericIdentifiers(generic);
    }

    /** True for a value that looks like a stand-in rather than a person's own, whoever carries it. */
    public static boolean placeholder(IdentifierValue identifier) {
        return switch (identifier.field()) {
            case EMAIL -> {
                int at = identifier.value().indexOf('@');
                yield at > 0 && PLACEHOLDER_LOCAL_PART.matcher(identifier.value().substring(0, at)).matches();
            }
            case PHONE -> PLACEHOLDER_PHONE.matcher(identifier.value()).matches();
            default -> false;
        };
    }

    /** Beyond this many different first names on one value, it is generic without comparing them all. */
    private static final int NAMES_COMPARED_PAIRWISE = 50;

    /**
     * A reason when the records sharing the value name at least two people whose first names cannot be one person's
     * (neither equal, nor a variant, nickname, initial or typo of each other, in either name order), else null.
     * People are the groups of names joined by such a likeness, whichever record comes first: Klara, C. and Clara
     * are one person in any order (when the first record seen stood for its person, a "C." after a "Klara" was a
     * second one). Records with no first name or only an initial tell no people apart and are left out: a "C." would
     * otherwise join a family mailbox's Clara and Christian into one person.
     */
    public static String sharedByDifferentPeople(List<MatchRecord> sharing) {
        if (sharing.size() < 2) {
            return null;
        }
        Map<String, MatchRecord> byName = new LinkedHashMap<>();
        for (MatchRecord record : sharing) {
            if (record.firstName() != null && !NameComparison.isInitial(record.firstName())) {
                // Records of one first name are one person here whatever their surnames, so one of them stands for all.
                byName.putIfAbsent(record.firstName(), record);
            }
        }
        List<MatchRecord> names = List.copyOf(byName.values());
        if (names.size() > NAMES_COMPARED_PAIRWISE) {
            return "shared by records with more than " + NAMES_COMPARED_PAIRWISE + " different first names";
        }
        int[] group = new int[names.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                int rootI = Clustering.find(group, i);
                int rootJ = Clustering.find(group, j);
                if (rootI != rootJ && NameComparison.mayBeSamePerson(names.get(i), names.get(j))) {
                    group[rootI] = rootJ;
                }
            }
        }
        long people = IntStream.range(0, group.length).map(i -> Clustering.find(group, i)).distinct().count();
        return people >= 2 ? "shared by " + people + " people with different names" : null;
    }

    public boolean isGeneric(IdentifierField field, String value) {
        return values.containsKey(new IdentifierValue(field, value));
    }

    public List<GenericValue> all() {
        return values.values().stream().sorted(Comparator.comparing((GenericValue v) -> v.identifier().field())
                .thenComparing(v -> v.identifier().value())).toList();
    }
}
