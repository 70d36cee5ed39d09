package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.at;
import static dev.mosaic.profile.domain.Records.campaign;
import static dev.mosaic.profile.domain.Records.customer;
import static dev.mosaic.profile.domain.Records.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;

class CxTouchpointTest {

    @Test
    void keepsEachTicketAndNpsAnswerWithItsTimeChannelStoreAndValuesOldestFirst() {
        SourceRecord ticket = withStore(ticket("helpdesk/T-1", "2025-01-10T09:00:00Z", "2025-01-10T09:42:00Z",
                "2025-01-10T15:10:00Z", 1, "resolved", 5, 4), "BER-01");
        List<CxTouchpoint> touchpoints = CxTouchpoint.of(List.of(
                campaign("survey/2", "2025-02-01T10:00:00Z", "NPS-Q1", "sms", "surveyed", 3),
                customer("crm/1", "2024-01-01T00:00:00Z", "Anna", "Schmidt", "anna@example.de"),
                campaign("newsletter/3", "2025-02-02T10:00:00Z", "NL-1", "email", "opened", null),
                ticket));

        assertThat(touchpoints).containsExactly(
                new CxTouchpoint(CxTouchpoint.Kind.TICKET, at("2025-01-10T09:00:00Z"), "email", "BER-01", null, 5, 4,
                        42.0, 370.0, true),
                new CxTouchpoint(CxTouchpoint.Kind.NPS_ANSWER, at("2025-02-01T10:00:00Z"), "sms", null, 3, null, null,
                        null, null, null));
    }

    @Test
    void aTicketCountsForFirstContactResolutionOnlyWhenResolvedAndItsContactsAreKnown() {
        List<CxTouchpoint> touchpoints = CxTouchpoint.of(List.of(
                ticket("helpdesk/T-1", "2025-01-01T09:00:00Z", null, null, 1, "open", null, null),
                ticket("helpdesk/T-2", "2025-01-02T09:00:00Z", null, null, null, "closed", null, null),
                ticket("helpdesk/T-3", "2025-01-03T09:00:00Z", null, null, 3, "closed", null, null)));

        assertThat(touchpoints).extracting(CxTouchpoint::firstContactResolved).containsExactly(null, null, false);
    }

    private static SourceRecord withStore(SourceRecord record, String store) {
        return new SourceRecord(record.key(), record.kind(), record.firstName(), record.lastName(), record.email(),
                record.phone(), record.birthDate(), record.city(), record.postalCode(), record.country(),
                record.loyaltyId(), record.socialHandle(), record.occurredAt(), record.touchpoint(),
                Map.of("store_id", " " + store + " "), record.warnings());
    }
}
