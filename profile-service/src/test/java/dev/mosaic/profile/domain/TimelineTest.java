package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.campaign;
import static dev.mosaic.profile.domain.Records.customer;
import static dev.mosaic.profile.domain.Records.purchase;
import static dev.mosaic.profile.domain.Records.social;
import static dev.mosaic.profile.domain.Records.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;

class TimelineTest {

    private static final List<SourceRecord> RECORDS = List.of(
            customer("crm/C-1", "2021-03-01T10:00:00Z", "Anna", "Schmidt", null),
            purchase("webshop/WO-1-1", "2024-11-02T17:22:10Z", "WO-1", "web", null, "printers", 1, "189.00", false),
            ticket("helpdesk/T-1", "2024-11-10T09:00:00Z", "2024-11-10T09:42:00Z", null, 1, "open", null, null),
            campaign("newsletter/NL-1", "2024-12-01T08:00:00Z", "NL-77", "email", "opened", null),
            social("instagram/IG-1", "2024-11-12T20:01:00Z", "0.80"),
            purchase("pos/R-1", "2024-11-02T17:22:10Z", "R-1", "store", "BER-01", "ink", 2, "39.90", true));

    @Test
    void listsEveryTouchpointNewestFirstWithoutContactRecords() {
        List<Timeline.Entry> entries = Timeline.of(RECORDS);

        assertThat(entries).extracting(entry -> entry.source() + "/" + entry.recordId()).containsExactly(
                "newsletter/NL-1", "instagram/IG-1", "helpdesk/T-1", "pos/R-1", "webshop/WO-1-1");
        assertThat(entries).extracting(Timeline.Entry::kind).containsExactly(
                "campaign_response", "social_interaction", "ticket", "purchase", "purchase");
    }

    @Test
    void saysWhatHappenedInASentence() {
        List<Timeline.Entry> entries = Timeline.of(RECORDS);

        assertThat(entries).extracting(Timeline.Entry::summary).containsExactly(
                "Campaign NL-77 name: opened by email",
                "comment on instagram by @anna: \"text\", sentiment 0.80",
                "Ticket by email: subject (open)",
                "Returned 2 x ink item (ink) at 39.90 EUR via store in store BER-01, order R-1",
                "Bought 1 x printers item (printers) at 189.00 EUR via web, order WO-1");
    }

    @Test
    void servesPagesOfTheRequestedSize() {
        Timeline.Page second = Timeline.page(RECORDS, 1, 2);
        Timeline.Page beyond = Timeline.page(RECORDS, 5, 2);

        assertThat(second.totalEntries()).isEqualTo(5);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(second.entries()).extracting(Timeline.Entry::recordId).containsExactly("T-1", "R-1");
        assertThat(beyond.entries()).isEmpty();
        assertThatThrownBy(() -> Timeline.page(RECORDS, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
