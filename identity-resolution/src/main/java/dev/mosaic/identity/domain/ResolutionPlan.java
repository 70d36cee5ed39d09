package dev.mosaic.identity.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each new or changed record of a batch goes. Records, and the profiles they touch, that are connected through
 * shared identifiers (inside the batch or with records already in the graph) form one group. A group that touches no
 * profile founds one, named after its smallest record key; a group touching several merges them into the smallest
 * id. Both choices depend only on the records, not on the order they arrive in.
 *
 * @param assignments the profile of every record of the batch
 * @param merges survivor to the profiles it absorbs
 */
public record ResolutionPlan(Map<SourceRecordKey, ProfileId> assignments, Map<ProfileId, Set<ProfileId>> merges) {

    private static final Comparator<SourceRecordKey> KEY_ORDER =
            Comparator.comparing(SourceRecordKey::source).thenComparing(SourceRecordKey::recordId);
    private static final Comparator<ProfileId> PROFILE_ORDER = Comparator.comparing(ProfileId::value);

    /** What the graph says about one record of the batch. */
    public record Neighbourhood(Optional<ProfileId> currentProfile, Set<SourceRecordKey> linkedRecords,
                                Set<ProfileId> linkedProfiles) {
    }

    public static ResolutionPlan of(Map<SourceRecordKey, Neighbourhood> batch) {
        UnionFind groups = new UnionFind();
        for (Map.Entry<SourceRecordKey, Neighbourhood> entry : batch.entrySet()) {
            String record = recordNode(entry.getKey());
            groups.add(record);
            Neighbourhood neighbourhood = entry.getValue();
            neighbourhood.currentProfile().ifPresent(profile -> groups.union(record, profileNode(profile)));
            neighbourhood.linkedProfiles().forEach(profile -> groups.union(record, profileNode(profile)));
            neighbourhood.linkedRecords().stream().filter(batch::containsKey)
                    .forEach(other -> groups.union(record, recordNode(other)));
        }
        Map<String, TreeSet<SourceRecordKey>> recordsByGroup = new HashMap<>();
        Map<String, TreeSet<ProfileId>> profilesByGroup = new HashMap<>();
        for (Map.Entry<SourceRecordKey, Neighbourhood> entry : batch.entrySet()) {
            String group = groups.find(recordNode(entry.getKey()));
            recordsByGroup.computeIfAbsent(group, g -> new TreeSet<>(KEY_ORDER)).add(entry.getKey());
            Neighbourhood neighbourhood = entry.getValue();
            TreeSet<ProfileId> profiles = profilesByGroup.computeIfAbsent(group, g -> new TreeSet<>(PROFILE_ORDER));
            neighbourhood.currentProfile().ifPresent(profiles::add);
            profiles.addAll(neighbourhood.linkedProfiles());
        }
        Map<SourceRecordKey, ProfileId> assignments = new TreeMap<>(KEY_ORDER);
        Map<ProfileId, Set<ProfileId>> merges = new TreeMap<>(PROFILE_ORDER);
        recordsByGroup.forEach((group, records) -> {
            TreeSet<ProfileId> profiles = profilesByGroup.get(group);
            ProfileId target = profiles.isEmpty() ? ProfileId.foundedBy(records.first()) : profiles.first();
            if (profiles.size() > 1) {
                merges.put(target, Set.copyOf(profiles.tailSet(target, false)));
            }
            records.forEach(record -> assignments.put(record, target));
        });
        return new ResolutionPlan(Map.copyOf(assignments), Map.copyOf(merges));
    }

    public Collection<ProfileId> absorbedProfiles() {
        return merges.values().stream().flatMap(Set::stream).toList();
    }

    private static String recordNode(SourceRecordKey key) {
        return "r:" + key;
    }

    private static String profileNode(ProfileId id) {
        return "p:" + id.value();
    }

    /** Disjoint sets with path halving; plenty for the size of a batch. */
    private static final class UnionFind {

        private final Map<String, String> parent = new HashMap<>();

        void add(String node) {
            parent.putIfAbsent(node, node);
        }

        String find(String node) {
            add(node);
            String current = node;
            while (!parent.get(current).equals(current)) {
                parent.put(current, parent.get(parent.get(current)));
                current = parent.get(current);
            }
            return current;
        }

        void union(String a, String b) {
            String rootA = find(a);
            String rootB = find(b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA, rootB);
            }
        }
    }
}
