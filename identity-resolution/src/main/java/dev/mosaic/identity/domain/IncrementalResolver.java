package dev.mosaic.identity.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * @param batch the new or changed records
     * @param currentProfiles the profile each changed record belonged to before, when it had one
     * @param candidates records already in the graph that share a blocking key with a batch record
     * @param knownGeneric identifier values found generic before
     * @param overrides steward decisions on identifier values
     */
    record Neighbourhood(List<SourceRecord> batch, Map<SourceRecordKey, ProfileId> currentProfiles,
                         List<Candidate> candidates, Set<IdentifierValue> knownGeneric,
                         GenericIdentifiers.Overrides overrides) {
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
