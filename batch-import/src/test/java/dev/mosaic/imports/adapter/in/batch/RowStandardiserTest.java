package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.imports.domain.ImportType;

class RowStandardiserTest {

    @Test
    void aTicketsSalutationIsNoFirstName() {
        SourceRecord ticket = standardise(ImportType.TICKETS, Map.of("source", "helpdesk", "record_id", "T-1",
                "opened_at", "2025-01-02T10:00:00Z", "name", "Frau Schmidt"));

        assertThat(ticket.firstName()).isNull();
        assertThat(ticket.lastName()).isEqualTo("Schmidt");
        assertThat(ticket.attributes()).containsEntry("salutation", "Frau");
    }

    @Test
    void aSocialPostTakesItsNamesFromTheDisplayNameWithoutDecorations() {
        SourceRecord post = social("Lisa Schulz ✨", "lisa.schulz85");
        assertThat(post.firstName()).isEqualTo("Lisa");
        assertThat(post.lastName()).isEqualTo("Schulz");
        assertThat(post.attributes()).containsEntry("display_name", "Lisa Schulz ✨");

        SourceRecord initialOnly = social("Thomas J.", "tj_88");
        assertThat(initialOnly.firstName()).isEqualTo("Thomas");
        assertThat(initialOnly.lastName()).isNull();

        SourceRecord userName = social("thetimb", "thetimb");
        assertThat(userName.firstName()).isNull();
        assertThat(userName.lastName()).isNull();
    }

    private static SourceRecord social(String displayName, String handle) {
        return standardise(ImportType.SOCIAL_INTERACTIONS, Map.of("source", "instagram", "record_id", "IG-" + handle,
                "platform", "instagram", "handle", handle, "display_name", displayName,
                "occurred_at", "2025-01-02T10:00:00Z", "kind", "comment"));
    }

    private static SourceRecord standardise(ImportType type, Map<String, String> fields) {
        return new RowStandardiser(type, null, "DE").process(new SourceRow(2, String.join(",", fields.values()),
                new HashMap<>(fields)));
    }
}
