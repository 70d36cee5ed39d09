package dev.mosaic.identity.domain.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * Names the clusters of a full run with profile ids so that ids survive: a cluster keeps the id of the existing
 * profile it shares most records with (each id going to one cluster only), and a cluster of records new to profiles
 * is named after its smallest record key. Also says which profiles merged and which split.
 */
public final class ProfileAssignment {

    /** A profile of the previous state whose records now sit in several clusters. */
    public record Split(ProfileId previous, Set<ProfileId> into) {
    }

    /** A cluster that holds the records of several previous profiles. */
    public record Merge(ProfileId survivor, Set<ProfileId> absorbed) {
    }

    public record Outcome(Map<SourceRecordKey, ProfileId> membership, List<Merge> merges, List<Split> splits,
                          Set<ProfileId> removed) {

        /** True when nothing would change: same records in the same profiles under the same ids. */
        public boolean unchanged(Map<SourceRecordKey, ProfileId> previous) {
            return membership.equals(previous);
        }
    }

    private static final Comparator<SourceRecordKey> KEY_ORDER =
            Comparator.comparing(SourceRecordKey::source).thenComparing(SourceRecordKey::recordId);

    private ProfileAssignment() {
    }

    /** @param clusterOf each record's cluster, @param previous each record's profile before (absent for new records) */
    public static Outcome assign(List<SourceRecordKey> keys, int[] clusterOf, Map<SourceRecordKey, ProfileId> previous) {
        Map<Integer, TreeSet<SourceRecordKey>> clusters = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            clusters.computeIfAbsent(clusterOf[i], c -> new TreeSet<>(KEY_ORDER)).add(keys.get(i));
        }
        record Overlap(int cluster, ProfileId profile, int records, SourceRecordKey clusterFirst) {
        }
        List<Overlap> overlaps = new ArrayList<>();
        clusters.forEach((cluster, members) -> {
            Map<ProfileId, Integer> counts = new HashMap<>();
            members.forEach(key -> {
                ProfileId profile = previous.get(key);
                if (profile != null) {
                    counts.merge(profile, 1, Integer::sum);
                }
            });
            counts.forEach((profile, count) -> overlaps.add(new Overlap(cluster, profile, count, members.first())));
        });
        overlaps.sort(Comparator.comparingInt(Overlap::records).reversed()
                .thenComparing(overlap -> overlap.profile().value())
                .thenComparing(Overlap::clusterFirst, KEY_ORDER));
        Map<Integer, ProfileId> named = new HashMap<>();
        Set<ProfileId> taken = new HashSet<>();
        for (Overlap overlap : overlaps) {
            if (!named.containsKey(overlap.cluster()) && !taken.contains(overlap.profile())) {
                named.put(overlap.cluster(), overlap.profile());
                taken.add(overlap.profile());
            }
        }
        Set<ProfileId> existing = new HashSet<>(previous.values());
        clusters.forEach((cluster, members) -> named.computeIfAbsent(cluster, c -> {
            ProfileId id = ProfileId.foundedBy(members.first());
            for (int attempt = 2; taken.contains(id) || existing.contains(id); attempt++) {
                id = new ProfileId(UUID.nameUUIDFromBytes(("profile:" + members.first() + "#" + attempt)
                        .getBytes(StandardCharsets.UTF_8)).toString());
            }
            taken.add(id);
            return id;
        }));
        Map<SourceRecordKey, ProfileId> membership = new HashMap<>();
        Map<ProfileId, Set<ProfileId>> previousByNew = new TreeMap<>(Comparator.comparing(ProfileId::value));
        Map<ProfileId, Set<ProfileId>> newByPrevious = new TreeMap<>(Comparator.comparing(ProfileId::value));
        clusters.forEach((cluster, members) -> {
            ProfileId id = named.get(cluster);
            members.forEach(key -> {
                membership.put(key, id);
                ProfileId before = previous.get(key);
                if (before != null) {
                    previousByNew.computeIfAbsent(id, p -> new TreeSet<>(Comparator.comparing(ProfileId::value))).add(before);
                    newByPrevious.computeIfAbsent(before, p -> new TreeSet<>(Comparator.comparing(ProfileId::value))).add(id);
                }
            });
        });
        List<Merge> merges = new ArrayList<>();
        previousByNew.forEach((id, befores) -> {
            if (befores.size() > 1) {
                Set<ProfileId> absorbed = new TreeSet<>(Comparator.comparing(ProfileId::value));
                absorbed.addAll(befores);
                absorbed.remove(id);
                merges.add(new Merge(id, absorbed));
            }
        });
        List<Split> splits = new ArrayList<>();
        newByPrevious.forEach((before, ids) -> {
            if (ids.size() > 1) {
                splits.add(new Split(before, ids));
            }
        });
        Set<ProfileId> removed = new HashSet<>(existing);
        // A set to remove: removeAll over a map's values asks containsValue, a scan of every membership for each
        // existing profile (hours for a second full run at 1,000,000 records).
        removed.removeAll(new HashSet<>(membership.values()));
        return new Outcome(membership, merges, splits, removed);
    }
}
