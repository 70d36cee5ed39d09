package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.Touchpoint;

/** Source records for the formula tests, written the way the importer builds them. */
final class Records {

    private Records() {
    }

    static Instant at(String isoTime) {
        return Instant.parse(isoTime);
    }

    static SourceRecord customer(String key, String at, String firstName, String lastName, String email) {
        return contact(key, at, firstName, lastName, email, null, null, Map.of());
    }

    static SourceRecord contact(String key, String at, String firstName, String lastName, String email, String city,
                                String postalCode, Map<String, String> attributes) {
        String[] parts = key.split("/", 2);
        return new SourceRecord(new SourceRecordKey(parts[0], parts[1]), RecordKind.CUSTOMER, firstName, lastName,
                email == null ? null : new EmailAddress(email), null, null, city, postalCode, null, null, null,
                at == null ? null : at(at), null, attributes, null);
    }

    static SourceRecord withPhoneAndBirthDate(SourceRecord record, String phone, String birthDate) {
        return new SourceRecord(record.key(), record.kind(), record.firstName(), record.lastName(), record.email(),
                phone == null ? null : PhoneNumber.parse(phone, "DE"), birthDate == null ? null : LocalDate.parse(birthDate),
                record.city(), record.postalCode(), record.country(), record.loyaltyId(), record.socialHandle(),
                record.occurredAt(), record.touchpoint(), record.attributes(), record.warnings());
    }

    static SourceRecord touchpoint(String key, String at, RecordKind kind, Touchpoint touchpoint) {
        String[] parts = key.split("/", 2);
        return new SourceRecord(new SourceRecordKey(parts[0], parts[1]), kind, null, null, null, null, null, null,
                null, null, null, null, at == null ? null : at(at), touchpoint, Map.of(), null);
    }

    static SourceRecord purchase(String key, String at, String orderId, String channel, String storeId,
                                 String category, int quantity, String unitPrice, boolean returned) {
        return touchpoint(key, at, RecordKind.PURCHASE, new Touchpoint.Purchase(orderId, channel, storeId, "SKU",
                category + " item", category, quantity, new BigDecimal(unitPrice), "EUR", returned));
    }

    static SourceRecord ticket(String key, String openedAt, String firstResponseAt, String resolvedAt, Integer contacts,
                               String status, Integer csat, Integer ces) {
        return touchpoint(key, openedAt, RecordKind.TICKET, new Touchpoint.SupportTicket(at(openedAt),
                firstResponseAt == null ? null : at(firstResponseAt), resolvedAt == null ? null : at(resolvedAt),
                "email", contacts, status, "subject", csat, ces));
    }

    static SourceRecord campaign(String key, String at, String campaignId, String channel, String event, Integer nps) {
        return touchpoint(key, at, RecordKind.CAMPAIGN_RESPONSE,
                new Touchpoint.CampaignResponse(campaignId, campaignId + " name", channel, event, nps, null));
    }

    static SourceRecord social(String key, String at, String sentiment) {
        return touchpoint(key, at, RecordKind.SOCIAL_INTERACTION, new Touchpoint.SocialInteraction("instagram",
                "anna", "comment", "text", sentiment == null ? null : new BigDecimal(sentiment), null));
    }
}
