package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecordKey;

class RecordIngestionIT extends EmptyGraphTest {

    private final List<Set<ProfileId>> removedNotices = new ArrayList<>();
    private RecordIngestion ingestion;

    @BeforeEach
    void ingestion() {
        ingestion = new RecordIngestion(graph, (changed, removed) -> removedNotices.add(removed));
    }

    @Test
    void mergesRecordsSharingAnEmailThatDiffersOnlyInCase() {
        ingestion.ingest(List.of(
                customer("crm", "1", "Anna", "Schmidt", "anna.schmidt@example.de"),
                customer("webshop", "w-7", "Anna", "Schmidt", " Anna.Schmidt@EXAMPLE.de")));

        ProfileId profile = graph.profileOf(new SourceRecordKey("crm", "1")).orElseThrow();
        ResolvedProfile resolved = graph.findProfile(profile).orElseThrow();

        assertThat(resolved.records()).extracting(record -> record.key().toString())
                .containsExactly("crm/1", "webshop/w-7");
        assertThat(resolved.links()).singleElement().satisfies(link -> {
            assertThat(link.rule()).isEqualTo("exact_email");
            assertThat(link.score()).isGreaterThanOrEqualTo(0.9999);
            assertThat(link.contributions()).anySatisfy(field -> {
                assertThat(field.field()).isEqualTo("email");
                assertThat(field.level()).isEqualTo("exact");
            });
        });
    }

    @Test
    void keepsPeopleWithDifferentEmailsApart() {
        ingestion.ingest(List.of(
                customer("crm", "1", "Anna", "Schmidt", "anna@example.de"),
                customer("crm", "2", "Anna", "Schmidt", "anna.s@example.org")));

        assertThat(graph.allProfileIds()).hasSize(2);
    }

    @Test
    void doesNotMatchOnAnEmailThatIsNotWellFormed() {
        ingestion.ingest(List.of(
                customer("crm", "1", "Max", "Muster", "max@"),
                customer("pos", "9", "Maxi", "Muster", "MAX@")));

        assertThat(graph.allProfileIds()).hasSize(2);
        SourceRecord kept = graph.findProfile(graph.profileOf(new SourceRecordKey("crm", "1")).orElseThrow())
                .orElseThrow().records().getFirst();
        assertThat(kept.email().value()).isEqualTo("max@");
    }

    @Test
    void aRecordBridgingTwoProfilesMergesThemAndReportsTheAbsorbedOne() {
        ingestion.ingest(List.of(customer("crm", "1", "Jo", "Berg", "jo@example.com")));
        ingestion.ingest(List.of(customer("shop", "2", "Jo", "Berg", "jo.berg@example.com")));
        assertThat(graph.allProfileIds()).hasSize(2);

        ingestion.ingest(List.of(customer("crm", "1", "Jo", "Berg", "jo.berg@example.com")));

        assertThat(graph.allProfileIds()).hasSize(1);
        assertThat(removedNotices.getLast()).hasSize(1);
    }

    @Test
    void ingestingTheSameRecordsTwiceChangesNothing() {
        List<SourceRecord> records = List.of(
                customer("crm", "1", "Anna", "Schmidt", "anna@example.de"),
                customer("crm", "2", "Ben", "Kaya", "ben@example.de"));
        RecordIngestion.Outcome first = ingestion.ingest(records);
        Set<ProfileId> profilesAfterFirst = graph.allProfileIds();

        RecordIngestion.Outcome second = ingestion.ingest(records);

        assertThat(first.count(RecordChange.IMPORTED)).isEqualTo(2);
        assertThat(second.count(RecordChange.UNCHANGED)).isEqualTo(2);
        assertThat(second.count(RecordChange.IMPORTED)).isZero();
        assertThat(graph.allProfileIds()).isEqualTo(profilesAfterFirst);
        long recordNodes = driver.executableQuery("MATCH (r:Record) RETURN count(r) AS n").execute()
                .records().getFirst().get("n").asLong();
        assertThat(recordNodes).isEqualTo(2);
    }

    @Test
    void aChangedRecordIsUpdatedAndKeepsItsEarlierVersion() {
        ingestion.ingest(List.of(customer("crm", "1", "Anna", "Schmidt", "anna@example.de")));

        RecordIngestion.Outcome outcome = ingestion.ingest(List.of(customer("crm", "1", "Anna", "Meyer", "anna@example.de")));

        assertThat(outcome.count(RecordChange.UPDATED)).isEqualTo(1);
        ProfileId profile = graph.profileOf(new SourceRecordKey("crm", "1")).orElseThrow();
        assertThat(graph.findProfile(profile).orElseThrow().records().getFirst().lastName()).isEqualTo("Meyer");
        var history = driver.executableQuery(
                "MATCH (:Record {source: 'crm', recordId: '1'})-[:PREVIOUS_VERSION]->(v:RecordVersion) RETURN v.lastName AS last")
                .execute().records();
        assertThat(history).extracting(version -> version.get("last").asString()).containsExactly("Schmidt");
    }

    @Test
    void aKeyTwiceInOneBatchCountsEveryRowAndKeepsTheLaterValues() {
        RecordIngestion.Outcome outcome = ingestion.ingest(List.of(
                customer("crm", "1", "Anna", "Schmidt", "anna@example.de"),
                customer("crm", "1", "Anna", "Meyer", "anna@example.de"),
                customer("crm", "1", "Anna", "Meyer", "anna@example.de")));

        assertThat(outcome.count(RecordChange.IMPORTED)).isEqualTo(1);
        assertThat(outcome.count(RecordChange.UPDATED)).isEqualTo(1);
        assertThat(outcome.count(RecordChange.UNCHANGED)).isEqualTo(1);
        ProfileId profile = graph.profileOf(new SourceRecordKey("crm", "1")).orElseThrow();
        assertThat(graph.findProfile(profile).orElseThrow().records()).singleElement()
                .satisfies(record -> assertThat(record.lastName()).isEqualTo("Meyer"));
    }

    private static SourceRecord customer(String source, String id, String first, String last, String email) {
        return SourceRecord.contact(new SourceRecordKey(source, id), first, last, new EmailAddress(email));
    }
}
