package dev.mosaic.profile.adapter.out.elasticsearch;

import java.util.List;

import dev.mosaic.profile.domain.ChurnRisk;
import dev.mosaic.profile.domain.NetPromoterScore;
import dev.mosaic.profile.domain.ProfileSummary;

/**
 * The part of a {@link ProfileDocument} a result list needs, read with {@code _source} filtering ({@link #FIELDS}):
 * the rest of the document never leaves Elasticsearch.
 */
record ProfileSummaryDocument(String profileId, String displayName, List<String> cities, Golden golden, Cx cx) {

    static final List<String> FIELDS = List.of("profileId", "displayName", "cities", "golden.address.city",
            "cx.nps.category", "cx.needsAttention.needed", "cx.churnRisk.level");

    record Golden(Address address) {
    }

    record Address(String city) {
    }

    record Cx(Nps nps, Attention needsAttention, Churn churnRisk) {
    }

    record Nps(String category) {
    }

    record Attention(boolean needed) {
    }

    record Churn(String level) {
    }

    ProfileSummary toSummary() {
        String city = golden != null && golden.address() != null && golden.address().city() != null
                ? golden.address().city()
                : cities == null || cities.isEmpty() ? null : cities.getFirst();
        return new ProfileSummary(profileId, displayName, city,
                cx == null || cx.nps() == null || cx.nps().category() == null ? null
                        : NetPromoterScore.Category.valueOf(cx.nps().category()),
                cx != null && cx.needsAttention() != null && cx.needsAttention().needed(),
                cx == null || cx.churnRisk() == null || cx.churnRisk().level() == null ? null
                        : ChurnRisk.Level.valueOf(cx.churnRisk().level()));
    }
}
