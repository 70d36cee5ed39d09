package dev.mosaic.profile.adapter.in.web;

import java.util.List;

/**
 * Why the records of a profile belong together: each record with the identifiers it offers, and each accepted link
 * between two records with the rule that made it, its score and its evidence.
 */
record ExplanationResponse(String profileId, String summary, List<Member> records, List<Link> links) {

    record Member(String source, String recordId, String kind, List<String> matchingIdentifiers,
                  List<String> warnings) {
    }

    /** score is the match probability; fields says how much each compared field moved the match weight (log2). */
    record Link(String from, String to, String rule, double score, String evidence, List<FieldEvidence> fields) {
    }

    record FieldEvidence(String field, String level, double weight) {
    }
}
