package dev.mosaic.identity.domain.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ResolutionPlan;
import dev.mosaic.identity.domain.ReviewEntry;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * Resolves a batch against its neighbourhood with the same model, rules and guards as a full run: the candidates of
 * one profile enter as one group, the batch's pairs are scored and clustered, and each batch record joins the profile
 * of its cluster (merging profiles its cluster spans). It splits a profile only when what held it together turns out
 * to be generic identifiers ({@link #regroup}); any other split needs the whole picture a full run or a steward has.
 */
public final class IncrementalMatching implements IncrementalResolver {

    private final MatchModel model;
    private final ResolutionEngine engine;
    private final ResolutionEngine.Settings settings;

    public IncrementalMatching(MatchModel model, ResolutionEngine.Settings settings) {
        this.model = model;
        this.settings = settings;
        this.engine = new ResolutionEngine(settings);
    }

    /**
     * The batch's records first (each once), then the candidates not in the batch; each record's profile; the
     * generic values among them all, and the records with those set aside.
     */
    private record Prepared(int batchSize, Map<SourceRecordKey, ProfileId> profiles, List<MatchRecord> records,
                            GenericIdentifiers detected, List<MatchRecord> trusted) {
    }

    private Prepared prepare(Neighbourhood neighbourhood) {
        Set<SourceRecordKey> batchKeys = new HashSet<>();
        List<SourceRecord> all = new ArrayList<>();
        Map<SourceRecordKey, ProfileId> profiles = new HashMap<>(neighbourhood.currentProfiles());
        for (SourceRecord record : neighbourhood.batch()) {
            if (batchKeys.add(record.key())) {
                all.add(record);
            }
        }
        int batchSize = all.size();
        for (Candidate candidate : neighbourhood.candidates()) {
            if (!batchKeys.contains(candidate.record().key()) && profiles.putIfAbsent(candidate.record().key(),
                    candidate.profile()) == null) {
                all.add(candidate.record());
            }
        }
        List<MatchRecord> records = model.firstNames().mark(all.stream().map(MatchRecord::of).toList());
        GenericIdentifiers detected = GenericIdentifiers.detect(records, overrides(neighbourhood));
        List<MatchRecord> trusted = records.stream().map(record -> record.withoutGeneric(detected)).toList();
        return new Prepared(batchSize, profiles, records, detected, trusted);
    }

    /**
     * The profiles of candidates that some batch record scores against at all (a deterministic rule, or a probability
     * worth reviewing): only these can take a batch record in, so only their guards matter.
     */
    @Override
    public Set<ProfileId> profilesInReach(Neighbourhood candidatesOnly) {
        Prepared prepared = prepare(candidatesOnly);
        Set<ProfileId> inReach = new HashSet<>();
        for (ScoredPair pair : engine.scoreCandidates(model, prepared.trusted(), prepared.batchSize()).pairs()) {
            for (int index : new int[] {pair.first(), pair.second()}) {
                ProfileId profile = prepared.profiles().get(prepared.trusted().get(index).key());
                if (index >= prepared.batchSize() && profile != null) {
                    inReach.add(profile);
                }
            }
        }
        return inReach;
    }

    @Override
    public Decision decide(Neighbourhood neighbourhood) {
        Prepared prepared = prepare(neighbourhood);
        int batchSize = prepared.batchSize();
        Map<SourceRecordKey, ProfileId> profiles = prepared.profiles();
        List<MatchRecord> records = prepared.records();
        GenericIdentifiers detected = prepared.detected();
        List<MatchRecord> trusted = prepared.trusted();

        List<ScoredPair> pairs = new ArrayList<>(
                engine.scoreCandidates(model, trusted, batchSize).pairs());
        pairs.addAll(sameProfilePairs(trusted, batchSize, profiles));
        // A steward's split holds here too: a record bridging both sides must not join them again.
        List<Set<Constraints.SplitSide>> sides = trusted.stream()
                .map(record -> neighbourhood.splitSides().getOrDefault(record.key(), Set.of())).toList();
        Clustering.Result clusters = new Clustering(settings.thresholds(), Clustering.Guards.of(model))
                .cluster(trusted, sides, pairs);

        Map<SourceRecordKey, ResolutionPlan.Neighbourhood> plan = new HashMap<>();
        Map<Integer, Set<SourceRecordKey>> batchByCluster = new HashMap<>();
        Map<Integer, Set<ProfileId>> profilesByCluster = new HashMap<>();
        for (int i = 0; i < trusted.size(); i++) {
            int cluster = clusters.clusterOf()[i];
            SourceRecordKey key = trusted.get(i).key();
            if (i < batchSize) {
                batchByCluster.computeIfAbsent(cluster, c -> new HashSet<>()).add(key);
            } else if (profiles.get(key) != null) {
                // A candidate stored by a deferred import has no profile until that import's full run: it helps
                // match, but has no profile to offer.
                profilesByCluster.computeIfAbsent(cluster, c -> new HashSet<>()).add(profiles.get(key));
            }
        }
        Set<ProfileId> profilesInView = new HashSet<>();
        for (int i = batchSize; i < trusted.size(); i++) {
            ProfileId profile = profiles.get(trusted.get(i).key());
            if (profile != null) {
                profilesInView.add(profile);
            }
        }
        for (int i = 0; i < batchSize; i++) {
            int cluster = clusters.clusterOf()[i];
            SourceRecordKey key = trusted.get(i).key();
            ProfileId current = neighbourhood.currentProfiles().get(key);
            Set<ProfileId> reached = profilesByCluster.getOrDefault(cluster, Set.of());
            if (current != null && profilesInView.contains(current) && !reached.contains(current)) {
                // A changed record that no longer goes with the rest of its profile stays where it is rather than
                // carry that profile into another one past the guards; a full run or a steward decides where it goes.
                plan.put(key, new ResolutionPlan.Neighbourhood(Optional.of(current), Set.of(key), Set.of()));
                continue;
            }
            plan.put(key, new ResolutionPlan.Neighbourhood(Optional.ofNullable(current),
                    batchByCluster.get(cluster), reached));
        }
        List<RecordLink> links = new ArrayList<>();
        for (ScoredPair pair : clusters.links()) {
            if (!pair.unconditional() && (pair.first() < batchSize || pair.second() < batchSize)) {
                links.add(link(trusted.get(pair.first()), trusted.get(pair.second()), pair, model));
            }
        }
        // Only values this batch brings can have become generic through it. A value its neighbours share among
        // themselves was judged by the full run over all of its holders; the neighbourhood sees a capped few of them,
        // and reporting it again made every chunk re-mark ~120 values and look for profiles to regroup on them.
        Set<IdentifierValue> batchValues = new HashSet<>();
        for (int i = 0; i < batchSize; i++) {
            for (IdentifierField field : IdentifierField.values()) {
                String value = records.get(i).identifier(field);
                if (value != null) {
                    batchValues.add(new IdentifierValue(field, value));
                }
            }
        }
        List<GenericIdentifiers.GenericValue> newlyGeneric = detected.all().stream()
                .filter(value -> batchValues.contains(value.identifier()))
                .filter(value -> !neighbourhood.knownGeneric().contains(value.identifier())).toList();
        List<ReviewEntry> review = clusters.review().stream()
                .filter(pair -> pair.first() < batchSize || pair.second() < batchSize)
                .map(pair -> new ReviewEntry(trusted.get(pair.first()).key(), trusted.get(pair.second()).key(),
                        pair.probability(), pair.reason())).toList();
        return new Decision(ResolutionPlan.of(plan), links, newlyGeneric, review);
    }

    /**
     * A link made on an identifier value that is generic now proves nothing; every other link still holds, and the
     * members are scored again with the generic values set aside, so what else they agree on (a name with a birth
     * date, another identifier) may keep them together. A group with no member that lost a link stays with the
     * largest: it came apart for another reason (a changed record that stayed), which is not this method's to decide.
     */
    @Override
    public List<Set<SourceRecordKey>> regroup(List<SourceRecord> members, List<RecordLink> links,
                                              Set<IdentifierValue> generic) {
        List<MatchRecord> records = model.firstNames().mark(members.stream().map(MatchRecord::of).toList());
        Map<SourceRecordKey, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).key(), i);
        }
        GenericIdentifiers known = GenericIdentifiers.of(generic.stream()
                .map(value -> new GenericIdentifiers.GenericValue(value, "generic", 0)).toList());
        List<MatchRecord> trusted = records.stream().map(record -> record.withoutGeneric(known)).toList();
        List<ScoredPair> pairs = new ArrayList<>(engine.scoreCandidates(model, trusted, trusted.size()).pairs());
        Set<Integer> lostALink = new HashSet<>();
        for (RecordLink link : links) {
            Integer a = index.get(link.from());
            Integer b = index.get(link.to());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            if (restsOnAGenericValue(link.rule(), records.get(a), records.get(b), known)) {
                lostALink.add(a);
                lostALink.add(b);
            } else {
                pairs.add(new ScoredPair(Math.min(a, b), Math.max(a, b), 1.0, ScoredPair.SAME_PROFILE));
            }
        }
        Set<SourceRecordKey> all = new HashSet<>(index.keySet());
        if (lostALink.isEmpty()) {
            return List.of(all);
        }
        List<Set<Constraints.SplitSide>> noSides = trusted.stream().map(record -> Set.<Constraints.SplitSide>of()).toList();
        int[] clusterOf = new Clustering(settings.thresholds(), Clustering.Guards.of(model))
                .cluster(trusted, noSides, pairs).clusterOf();
        Map<Integer, Set<Integer>> clusters = new java.util.TreeMap<>();
        for (int i = 0; i < clusterOf.length; i++) {
            clusters.computeIfAbsent(clusterOf[i], c -> new java.util.TreeSet<>()).add(i);
        }
        Set<Integer> largest = clusters.values().stream()
                .max(java.util.Comparator.comparingInt(Set::size)).orElseThrow();
        Set<SourceRecordKey> kept = new HashSet<>();
        List<Set<SourceRecordKey>> apart = new ArrayList<>();
        for (Set<Integer> cluster : clusters.values()) {
            Set<SourceRecordKey> keys = new HashSet<>();
            cluster.forEach(i -> keys.add(records.get(i).key()));
            if (cluster == largest || cluster.stream().noneMatch(lostALink::contains)) {
                kept.addAll(keys);
            } else {
                apart.add(keys);
            }
        }
        List<Set<SourceRecordKey>> groups = new ArrayList<>();
        groups.add(kept);
        groups.addAll(apart);
        return groups;
    }

    private static boolean restsOnAGenericValue(String rule, MatchRecord a, MatchRecord b, GenericIdentifiers generic) {
        if (!rule.startsWith("exact_")) {
            return false;
        }
        IdentifierField field;
        try {
            field = IdentifierField.fromCode(rule.substring("exact_".length()));
        } catch (IllegalArgumentException notAnIdentifierRule) {
            return false;
        }
        String value = a.identifier(field);
        return value != null && value.equals(b.identifier(field)) && generic.isGeneric(field, value);
    }

    /** The link a pair becomes in the graph, with each field's contribution as its evidence. */
    public static RecordLink link(MatchRecord a, MatchRecord b, ScoredPair pair, MatchModel model) {
        return new RecordLink(a.key(), b.key(), pair.rule(), pair.probability(), null,
                model.score(a, b).contributions());
    }

    private static GenericIdentifiers.Overrides overrides(Neighbourhood neighbourhood) {
        Set<IdentifierValue> generic = new HashSet<>(neighbourhood.overrides().generic());
        generic.addAll(neighbourhood.knownGeneric());
        return new GenericIdentifiers.Overrides(generic, neighbourhood.overrides().trusted());
    }

    private static List<ScoredPair> sameProfilePairs(List<MatchRecord> records, int batchSize,
                                                     Map<SourceRecordKey, ProfileId> profiles) {
        Map<ProfileId, Integer> first = new HashMap<>();
        List<ScoredPair> pairs = new ArrayList<>();
        for (int i = batchSize; i < records.size(); i++) {
            ProfileId profile = profiles.get(records.get(i).key());
            if (profile == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(profile, i);
            if (earlier != null) {
                pairs.add(new ScoredPair(earlier, i, 1.0, ScoredPair.SAME_PROFILE));
            }
        }
        return pairs;
    }
}
