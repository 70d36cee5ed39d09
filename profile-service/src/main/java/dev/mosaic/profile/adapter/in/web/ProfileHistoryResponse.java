package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;

/**
 * The merges and splits a profile id took part in, newest first. {@code exists} is false for an id that was merged
 * away or erased: its last event then says where its records went.
 */
record ProfileHistoryResponse(String profileId, boolean exists, List<Event> events) {

    /**
     * kind: merged (other was merged into survivor) or split (other was split off survivor); cause: import, full_run,
     * steward or generic_identifier; summary reads the event from the requested profile's side.
     */
    record Event(Instant at, String kind, String survivor, String other, String cause, String runId,
                 String decisionId, String steward, String reason, String summary) {
    }
}
