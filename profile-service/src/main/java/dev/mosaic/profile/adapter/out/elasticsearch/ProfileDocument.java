package dev.mosaic.profile.adapter.out.elasticsearch;

import java.util.List;

/** A profile as indexed in Elasticsearch; identifiers are stored normalised so exact lookups are term queries. */
record ProfileDocument(
        String profileId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        List<String> recordKeys,
        List<SourceRecordDocument> sourceRecords,
        List<LinkDocument> links,
        String updatedAt) {

    record SourceRecordDocument(String source, String recordId, String kind, String firstName, String lastName, String email,
                                String phone, String birthDate, String city, String country, String loyaltyId,
                                List<String> warnings) {
    }

    record LinkDocument(String from, String to, String rule, double score, String evidence) {
    }
}
