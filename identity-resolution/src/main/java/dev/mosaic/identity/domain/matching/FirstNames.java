package dev.mosaic.identity.domain.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first names that are established in the data: carried by enough records that they are names in their own right,
 * not typing errors. Two established names that merely look alike (Christian and Christina, Johannes and Johanna, Paul
 * and Paula) are two names, and so two people; a rare spelling close to an established one ("Florisn") is a typo of it.
 * A typing error lands on one record in hundreds, so its spelling stays rare however large the data grows, while a
 * real name's share does not shrink with it: hence a share of the records, with a floor for small data.
 */
public final class FirstNames {

    /** A name at least this common, by share of the records that give a first name, is established. */
    static final double ESTABLISHED_SHARE = 1e-4;
    /** ... and carried by at least this many records, so that in small data a single repetition is not enough. */
    static final int ESTABLISHED_RECORDS = 5;

    private final Set<String> established;

    private FirstNames(Set<String> established) {
        this.established = Set.copyOf(established);
    }

    public static FirstNames none() {
        return new FirstNames(Set.of());
    }

    public static FirstNames of(Set<String> established) {
        return new FirstNames(established);
    }

    /** The established first names among these records. */
    public static FirstNames establishedIn(List<MatchRecord> records) {
        Map<String, Integer> counts = new HashMap<>();
        int named = 0;
        for (MatchRecord record : records) {
            String first = record.firstName();
            if (first != null && first.length() > 1) {
                counts.merge(first, 1, Integer::sum);
                named++;
            }
        }
        double floor = Math.max(ESTABLISHED_RECORDS, ESTABLISHED_SHARE * named);
        Set<String> established = new java.util.HashSet<>();
        counts.forEach((name, count) -> {
            if (count >= floor) {
                established.add(name);
            }
        });
        return new FirstNames(established);
    }

    public boolean isEstablished(String firstName) {
        return firstName != null && established.contains(firstName);
    }

    public Set<String> all() {
        return established;
    }

    /** Each record marked with whether its first name is established. */
    public List<MatchRecord> mark(List<MatchRecord> records) {
        return records.stream().map(record -> record.withFirstNameEstablished(isEstablished(record.firstName())))
                .toList();
    }
}
