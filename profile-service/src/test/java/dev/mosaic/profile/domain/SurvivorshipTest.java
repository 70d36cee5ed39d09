package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.at;
import static dev.mosaic.profile.domain.Records.campaign;
import static dev.mosaic.profile.domain.Records.contact;
import static dev.mosaic.profile.domain.Records.customer;
import static dev.mosaic.profile.domain.Records.withPhoneAndBirthDate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mosaic.profile.domain.GoldenRecord.Decision;

class SurvivorshipTest {

    private final Survivorship survivorship = new Survivorship(SourcePriority.DEFAULT);

    @Test
    void takesTheValueOfTheMostTrustedSourceEvenWhenOthersAreNewerOrMoreFrequent() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                customer("pos/P-1", "2025-01-01T00:00:00Z", "A.", "Schmidt", null),
                customer("webshop/W-1", "2024-06-01T00:00:00Z", "Anni", "Schmidt", null),
                customer("pos/P-2", "2025-02-01T00:00:00Z", "A.", "Schmidt", null),
                customer("crm/C-1", "2021-03-01T00:00:00Z", "Anna", "Schmidt", null)));

        assertThat(golden.firstName().value()).isEqualTo("Anna");
        assertThat(golden.firstName().source()).isEqualTo("crm");
        assertThat(golden.firstName().recordId()).isEqualTo("C-1");
        assertThat(golden.firstName().decidedBy()).isEqualTo(Decision.SOURCE_PRIORITY);
        assertThat(golden.firstName().values()).extracting(GoldenRecord.CandidateValue::value)
                .containsExactly("Anna", "Anni", "A.");
        GoldenRecord.CandidateValue initial = golden.firstName().values().get(2);
        assertThat(initial.records()).containsExactly("pos/P-2", "pos/P-1");
        assertThat(initial.occurrences()).isEqualTo(2);
        assertThat(initial.lastSeen()).isEqualTo(at("2025-02-01T00:00:00Z"));
        assertThat(golden.lastName().decidedBy()).isEqualTo(Decision.ONLY_VALUE);
        // Schmidt is offered by all four records; occurrences count those of its most trusted source, the CRM.
        assertThat(golden.lastName().values().getFirst().records()).hasSize(4);
        assertThat(golden.lastName().values().getFirst().occurrences()).isEqualTo(1);
    }

    @Test
    void aLessTrustedSourceSeenLaterDoesNotDecideBetweenTwoValuesOfTheMostTrustedOne() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                customer("crm/C-1", "2021-03-01T00:00:00Z", "Anna", "Schmidt", "anna@first.de"),
                customer("crm/C-2", "2022-03-01T00:00:00Z", "Anna", "Schmidt", "anna@second.de"),
                // The point of sale still has the first address, and saw it last.
                customer("pos/P-1", "2025-01-01T00:00:00Z", "Anna", "Schmidt", "anna@first.de")));

        assertThat(golden.email().value()).isEqualTo("anna@second.de");
        assertThat(golden.email().recordId()).isEqualTo("C-2");
        assertThat(golden.email().decidedBy()).isEqualTo(Decision.MOST_RECENT);
        GoldenRecord.CandidateValue first = golden.email().values().get(1);
        assertThat(first.value()).isEqualTo("anna@first.de");
        assertThat(first.lastSeen()).as("its latest CRM record").isEqualTo(at("2021-03-01T00:00:00Z"));
        assertThat(first.records()).containsExactly("crm/C-1", "pos/P-1");
    }

    @Test
    void aLessTrustedSourceOfferingAValueOftenDoesNotMakeItTheMostFrequent() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                customer("crm/C-1", null, "Jon", "Keller", null),
                customer("crm/C-2", null, "Jonas", "Keller", null),
                customer("crm/C-3", null, "Jonas", "Keller", null),
                customer("pos/P-1", null, "Jon", "Keller", null),
                customer("pos/P-2", null, "Jon", "Keller", null),
                customer("pos/P-3", null, "Jon", "Keller", null)));

        assertThat(golden.firstName().value()).isEqualTo("Jonas");
        assertThat(golden.firstName().decidedBy()).isEqualTo(Decision.MOST_FREQUENT);
        assertThat(golden.firstName().values()).extracting(GoldenRecord.CandidateValue::occurrences)
                .containsExactly(2, 1);
    }

    @Test
    void takesTheMostRecentValueAmongEquallyTrustedSources() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                customer("crm/C-1", "2021-03-01T00:00:00Z", "Anna", "Schmidt", "anna@old.de"),
                customer("crm/C-2", "2024-03-01T00:00:00Z", "Anna", "Schmidt", "anna@new.de"),
                customer("crm/C-3", "2022-03-01T00:00:00Z", "Anna", "Schmidt", "anna@old.de")));

        assertThat(golden.email().value()).isEqualTo("anna@new.de");
        assertThat(golden.email().recordId()).isEqualTo("C-2");
        assertThat(golden.email().decidedBy()).isEqualTo(Decision.MOST_RECENT);
    }

    @Test
    void takesTheMostFrequentValueWhenSourceAndTimeAreEqual() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                customer("shopify/S-1", null, "Jon", "Keller", null),
                customer("shopify/S-2", null, "Jonas", "Keller", null),
                customer("zendesk/Z-1", null, "Jonas", "Keller", null)));

        assertThat(golden.firstName().value()).isEqualTo("Jonas");
        assertThat(golden.firstName().decidedBy()).isEqualTo(Decision.MOST_FREQUENT);
    }

    @Test
    void breaksAFullTieAlphabeticallySoTheOrderOfRecordsDoesNotMatter() {
        var a = customer("crm/1", "2024-01-01T00:00:00Z", "Maria", "Garcia", null);
        var b = customer("crm/2", "2024-01-01T00:00:00Z", "María", "García", null);

        GoldenRecord one = survivorship.goldenRecord(List.of(a, b));
        GoldenRecord other = survivorship.goldenRecord(List.of(b, a));

        assertThat(one.lastName().value()).isEqualTo("Garcia").isEqualTo(other.lastName().value());
        assertThat(one.lastName().decidedBy()).isEqualTo(Decision.TIE);
    }

    @Test
    void comparesValuesIgnoringCaseAndKeepsTheSpellingOfTheBestRecord() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                contact("pos/P-1", "2025-01-01T00:00:00Z", null, null, null, "BERLIN", null, Map.of()),
                contact("crm/C-1", "2021-01-01T00:00:00Z", null, null, null, "Berlin", "10115",
                        Map.of("street", "Lindenstraße 4"))));

        assertThat(golden.address().city()).isEqualTo("Berlin");
        assertThat(golden.address().street()).isEqualTo("Lindenstraße 4");
        assertThat(golden.address().postalCode()).isEqualTo("10115");
        assertThat(golden.address().values()).hasSize(2);
    }

    @Test
    void choosesTheAddressAsAWholeNeverMixingPartsOfDifferentRecords() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                contact("crm/C-1", "2021-01-01T00:00:00Z", null, null, null, "Köln", null, Map.of()),
                contact("webshop/W-1", "2024-01-01T00:00:00Z", null, null, null, "Berlin", "10115",
                        Map.of("street", "Lindenstraße 4"))));

        assertThat(golden.address()).extracting("street", "postalCode", "city", "source", "decidedBy")
                .containsExactly(null, null, "Köln", "crm", Decision.SOURCE_PRIORITY);
    }

    @Test
    void followsAConfiguredPriorityAndRanksUnlistedSourcesLast() {
        Survivorship webshopFirst = new Survivorship(new SourcePriority(List.of("webshop", "crm")));
        GoldenRecord golden = webshopFirst.goldenRecord(List.of(
                customer("crm/C-1", "2021-01-01T00:00:00Z", "Anna", null, null),
                customer("webshop/W-1", "2021-01-01T00:00:00Z", "Anni", null, null),
                customer("instagram/I-1", "2025-01-01T00:00:00Z", "Annie", null, null)));

        assertThat(golden.firstName().value()).isEqualTo("Anni");
        assertThat(golden.firstName().values()).extracting(GoldenRecord.CandidateValue::value)
                .containsExactly("Anni", "Anna", "Annie");
    }

    @Test
    void readsPhoneAsE164AndBirthDateAsIsoDate() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                withPhoneAndBirthDate(customer("crm/C-1", "2021-01-01T00:00:00Z", "Anna", null, null),
                        "+49 151 23456789", "1985-04-12"),
                withPhoneAndBirthDate(customer("webshop/W-1", "2023-01-01T00:00:00Z", "Anna", null, null),
                        "0151-23456789", null)));

        assertThat(golden.phone().value()).isEqualTo("+4915123456789");
        assertThat(golden.phone().values()).hasSize(1);
        assertThat(golden.phone().values().getFirst().records()).hasSize(2);
        assertThat(golden.phone().values().getFirst().occurrences()).as("the CRM's record").isEqualTo(1);
        assertThat(golden.birthDate().value()).isEqualTo("1985-04-12");
        assertThat(golden.loyaltyId().decidedBy()).isEqualTo(Decision.NO_VALUE);
        assertThat(golden.loyaltyId().value()).isNull();
    }

    @Test
    void takesTheLatestConsentStatementPerChannelWithItsSourceAndTime() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                contact("crm/C-1", "2021-03-01T10:00:00Z", null, null, null, null, null,
                        Map.of("consent_email", "true", "consent_sms", "false")),
                contact("webshop/W-1", "2023-11-20T18:22:00Z", null, null, null, null, null,
                        Map.of("consent_email", "yes")),
                campaign("newsletter/NL-1", "2024-12-01T08:00:00Z", "NL-77", "email", "unsubscribed", null),
                campaign("sms/S-1", "2025-01-01T08:00:00Z", "SMS-3", "sms", "delivered", null)));

        assertThat(golden.emailConsent()).isEqualTo(new GoldenRecord.Consent(false, "newsletter", "NL-1",
                at("2024-12-01T08:00:00Z"), "unsubscribed from campaign NL-77"));
        assertThat(golden.smsConsent()).isEqualTo(new GoldenRecord.Consent(false, "crm", "C-1",
                at("2021-03-01T10:00:00Z"), "consent_sms=false"));
    }

    @Test
    void leavesConsentUnknownWhenNoRecordStatesIt() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                contact("pos/P-1", null, null, null, null, null, null, Map.of("consent_email", "maybe"))));

        assertThat(golden.emailConsent().granted()).isNull();
        assertThat(golden.emailConsent().source()).isNull();
    }
}
