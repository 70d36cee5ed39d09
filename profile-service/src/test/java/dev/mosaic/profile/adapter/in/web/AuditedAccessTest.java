package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditedAccessTest {

    @Test
    void auditsReadsOfAProfileExportsAndErasures() {
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/{profileId}")).isEqualTo("profile.read");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/lookup")).isEqualTo("profile.lookup");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/lookup/summary")).isEqualTo("profile.lookup");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/search")).isEqualTo("profile.search");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/{profileId}/timeline")).isEqualTo("profile.timeline");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/{profileId}/next-best-offers"))
                .isEqualTo("profile.offers");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/{profileId}/explain")).isEqualTo("profile.explain");
        assertThat(AuditedAccess.action("GET", "/api/v1/profiles/{profileId}/export")).isEqualTo("profile.export");
        assertThat(AuditedAccess.action("DELETE", "/api/v1/profiles/{profileId}")).isEqualTo("profile.erase");
        assertThat(AuditedAccess.action("GET", "/api/v1/export/memberships")).isEqualTo("export.memberships");
        assertThat(AuditedAccess.action("POST", "/api/v1/segments/{segmentId}/export")).isEqualTo("segment.export");
        assertThat(AuditedAccess.action("GET", "/api/v1/segments/{segmentId}/members")).isEqualTo("segment.members");
        assertThat(AuditedAccess.action("GET", "/api/v1/cx/detractors")).isEqualTo("cx.detractors");
    }

    @Test
    void auditsWhoCreatesChangesAndDeletesASegment() {
        assertThat(AuditedAccess.action("POST", "/api/v1/segments")).isEqualTo("segment.create");
        assertThat(AuditedAccess.action("PUT", "/api/v1/segments/{id}")).isEqualTo("segment.update");
        assertThat(AuditedAccess.action("DELETE", "/api/v1/segments/{id}")).isEqualTo("segment.delete");
        assertThat(AuditedAccess.action("GET", "/api/v1/segments/{id}")).isNull();
        assertThat(AuditedAccess.action("GET", "/api/v1/segments")).isNull();
    }

    @Test
    void leavesRequestsThatReadNoPersonOutOfTheTrail() {
        assertThat(AuditedAccess.action("GET", "/api/v1/imports/{importId}")).isNull();
        assertThat(AuditedAccess.action("GET", "/api/v1/resolution/review")).isNull();
        assertThat(AuditedAccess.action("POST", "/api/v1/segments/count")).isNull();
        assertThat(AuditedAccess.action("POST", "/api/v1/segments/preview/stats")).isNull();
        assertThat(AuditedAccess.action("GET", "/api/v1/segments/fields")).isNull();
        assertThat(AuditedAccess.action("GET", "/api/v1/cx/dashboard")).isNull();
    }
}
