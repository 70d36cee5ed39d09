package dev.mosaic.identity.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.MatchModel;
import dev.mosaic.identity.domain.matching.ProfileAssignment;

/**
 * Everything a full run decided, to be applied to the graph at once.
 *
 * @param moves the records whose profile changed (new records included), with their new profile
 */
public record FullResolution(String runId, MatchModel model, List<RecordLink> links,
                             Map<SourceRecordKey, ProfileId> moves, List<ProfileAssignment.Merge> merges,
                             List<ProfileAssignment.Split> splits, Set<ProfileId> removed,
                             List<GenericIdentifiers.GenericValue> generic, List<ReviewEntry> review) {
}
