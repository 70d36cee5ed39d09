package dev.mosaic.identity.adapter.out.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.Identifier;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.BlockingRule;
import dev.mosaic.identity.domain.matching.MatchRecord;

class BlockingKeysTest {

    private static final List<SourceRecord> MESSY = List.of(
            record(" Anna.Schmidt@Example.DE ", PhoneNumber.parse("0151-23456789", "DE"), " L-4711 ", " instagram:anna_s "),
            record("not-an-email", PhoneNumber.parse("12", "DE"), "   ", ""),
            record(null, null, null, null),
            record("noemail@shop.example", PhoneNumber.parse("+49 40 123456", "DE"), "L-1", "x:y"));

    @Test
    void findsTheCandidatesOfAnIdentifierRuleThroughTheIdentifierTheRecordHolds() {
        // A record's identifier rules are looked up through its (:Identifier) nodes instead of bk_* properties, which
        // is only right while each rule's key is exactly the value of the identifier of the same type.
        for (SourceRecord record : MESSY) {
            MatchRecord match = MatchRecord.of(record);
            Map<String, String> identifiers = new java.util.HashMap<>();
            for (Identifier identifier : record.matchingIdentifiers()) {
                identifiers.put(identifier.type().code(), identifier.value());
            }
            for (BlockingRule rule : BlockingKeys.identifierRules()) {
                assertThat(rule.key().apply(match)).as(rule.name() + " of " + record)
                        .isEqualTo(identifiers.get(BlockingKeys.identifierType(rule)));
            }
        }
    }

    @Test
    void keepsEveryOtherRulesKeyAsAnIndexedPropertyOfTheRecord() {
        assertThat(BlockingKeys.identifierRules()).extracting(BlockingRule::name)
                .containsExactlyInAnyOrder("email", "loyalty_id");
        // Looser than their identifiers: a national number meets the same number under another country code, a handle
        // the same handle on another platform.
        assertThat(BlockingKeys.propertyRules()).extracting(BlockingRule::name).contains("phone", "social_handle");
        assertThat(BlockingKeys.propertyRules().size() + BlockingKeys.identifierRules().size())
                .isEqualTo(BlockingRule.candidateRules().size());
    }

    private static SourceRecord record(String email, PhoneNumber phone, String loyaltyId, String socialHandle) {
        return new SourceRecord(new SourceRecordKey("crm", "r-" + email), RecordKind.CUSTOMER, "Anna", "Schmidt",
                email == null ? null : new EmailAddress(email), phone, LocalDate.of(1980, 1, 2), "Hamburg", "20095",
                "DE", loyaltyId, socialHandle, null, null, Map.of("street", "Hauptstr. 1"), List.of());
    }
}
