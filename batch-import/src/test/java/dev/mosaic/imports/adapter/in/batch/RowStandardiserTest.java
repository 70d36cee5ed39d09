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

    @Test
    void readsAPhoneInTheCountryTheRowNamesInWords() {
        assertThat(customer("Österreich", "0664 1234567").phone().e164()).isEqualTo("+436641234567");
        assertThat(customer("SCHWEIZ", "079 123 45 67").phone().e164()).isEqualTo("+41791234567");
        assertThat(customer("United Kingdom", "07400 123456").phone().e164()).isEqualTo("+447400123456");
        assertThat(customer("Deutschland", "0151 23456789").phone().e164()).isEqualTo("+4915123456789");
    }

    @Test
    void readsAPhoneInTheDefaultRegionWhenTheCountryNamesNone() {
        SourceRecord unknownCountry = customer("Atlantis", "0151 23456789");

        assertThat(unknownCountry.phone().e164()).isEqualTo("+4915123456789");
        assertThat(unknownCountry.warnings()).isEmpty();
    }

    @Test
    void readsATouchpointsPhoneInTheConfiguredDefaultRegion() {
        Map<String, String> purchase = Map.of("source", "pos", "record_id", "R-1", "occurred_at", "2025-01-02T10:00:00Z",
                "quantity", "1", "unit_price", "9.99", "phone", "0664 1234567");

        assertThat(standardise(ImportType.PURCHASES, purchase, "AT").phone().e164()).isEqualTo("+436641234567");
        assertThat(standardise(ImportType.PURCHASES, purchase, "DE").phone().e164()).isNotEqualTo("+436641234567");
    }

    private static SourceRecord customer(String country, String phone) {
        return standardise(ImportType.CUSTOMERS, Map.of("source", "crm", "record_id", "C-1", "country", country,
                "phone", phone));
    }

    private static SourceRecord social(String displayName, String handle) {
        return standardise(ImportType.SOCIAL_INTERACTIONS, Map.of("source", "instagram", "record_id", "IG-" + handle,
                "platform", "instagram", "handle", handle, "display_name", displayName,
                "occurred_at", "2025-01-02T10:00:00Z", "kind", "comment"));
    }

    private static SourceRecord standardise(ImportType type, Map<String, String> fields) {
        return standardise(type, fields, "DE");
    }

    private static SourceRecord standardise(ImportType type, Map<String, String> fields, String defaultRegion) {
        return new RowStandardiser(type, null, defaultRegion).process(new SourceRow(2, String.join(",", fields.values()),
                new HashMap<>(fields)));
    }
}
