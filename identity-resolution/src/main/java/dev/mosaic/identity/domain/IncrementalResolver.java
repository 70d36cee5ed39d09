package dev.mosaic.identity.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierValue;

/**
 * Decides where a batch of new or changed records goes, from what the graph knows around them: the records that
 * share a blocking key with them (the candidates) and the profiles those belong to. No full run is needed.
 */
@FunctionalInterface
public interface IncrementalResolver {

    Decision decide(Neighbourhood neighbourhood);

    /**
     * How many existing records one blocking key may bring in as candidates; a key shared by more is skipped. Lower
     * than a full run's block cap: a key that common says little about one new record, and looking it up in a large
     * graph is most of an import's cost (docs/benchmarks.md: at 200,000 records, 50 instead of 300 made new records 1.6x
     * faster to resolve and changed F1 by 0.003).
     */
    default int maxCandidatesPerKey() {
        return 50;
    }

    /**
     * Which profiles of the candidates a batch record may join, so their other members are read for the guards; the
     * neighbourhood holds the candidates that blocking found, not yet those members. By default every candidate's.
     */
    default Set<ProfileId> profilesInReach(Neighbourhood candidatesOnly) {
        Set<ProfileId> profiles = new java.util.HashSet<>();
        candidatesOnly.candidates().forEach(candidate -> {
            if (candidate.profile() != null) {
                profiles.add(candidate.profile());
            }
        });
        return profiles;
    }

    /**
     * How the members of one profile group once some of their identifier values are known generic: the profile came
     * together while those values still counted as proof, and a group held to the rest only by them must come apart.
     * The first group keeps the profile. By default one group: a resolver that cannot tell leaves the profile whole.
     *
     * @param links the links among the members
     * @param generic the generic values the members hold
     */
    default List<Set<SourceRecordKey>> regroup(List<SourceRecord> members, List<RecordLink> links,
                                               Set<IdentifierValue> generic) {
        return List.of(members.stream().map(SourceRecord::key).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * @param batch the new or changed records
     * @param currentProfiles the profile each changed record belonged to before, when it had one
     * @param candidates records already in the graph that share a blocking key with a batch record
     * @param knownGeneric identifier values found generic before
     * @param overrides steward decisions on identifier values
     * @param splitSides the sides of stewards' splits that batch and candidate records are on
     */
    record Neighbourhood(List<SourceRecord> batch, Map<SourceRecordKey, ProfileId> currentProfiles,
                         List<Candidate> candidates, Set<IdentifierValue> knownGeneric,
                         GenericIdentifiers.Overrides overrides,
                         Map<SourceRecordKey, Set<Constraints.SplitSide>> splitSides) {

        public Neighbourhood(List<SourceRecord> batch, Map<SourceRecordKey, ProfileId> currentProfiles,
                             List<Candidate> candidates, Set<IdentifierValue> knownGeneric,
                             GenericIdentifiers.Overrides overrides) {
            this(batch, currentProfiles, candidates, knownGeneric, overrides, Map.of());
        }
    }

    record Candidate(SourceRecord record, ProfileId profile) {
    }

    /**
     * Where each batch record goes, the links that put it there, identifier values newly found generic, and the pairs
     * involving batch records that were held back for a steward to review.
     */
    record Decision(ResolutionPlan plan, List<RecordLink> links, List<GenericIdentifiers.GenericValue> newlyGeneric,
                    List<ReviewEntry> review) {
    }
}
