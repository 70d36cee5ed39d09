package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.ProfileEvent;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.StewardDecisionException;
import dev.mosaic.identity.domain.matching.Clustering;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.ModelTraining;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/** The resolution behaviours a data steward checks, on a real Neo4j: incremental, full runs, dry runs, stewardship. */
class IdentityResolutionIT extends EmptyGraphTest {

    private RecordIngestion ingestion;
    private ResolutionRuns runs;

    @BeforeEach
    void services() {
        ingestion = new RecordIngestion(graph, (changed, removed) -> { });
        runs = new ResolutionRuns(graph, ingestion, (changed, removed) -> { }, Neo4jIdentityGraphs.runLog(driver),
                Clock.systemUTC());
    }

    @Test
    void keepsNamesakesWithDifferentBirthDatesApart() {
        ingestion.ingest(List.of(
                person("crm", "1", "Thomas", "Müller", "1961-04-12", "thomas.mueller@web.example", "10115", "Berlin"),
                person("crm", "2", "Thomas", "Müller", "1994-09-30", "tom.mueller@gmx.example", "10115", "Berlin")));

        assertThat(profileOf("crm", "1")).isNotEqualTo(profileOf("crm", "2"));
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        assertThat(profileOf("crm", "1")).isNotEqualTo(profileOf("crm", "2"));
    }

    @Test
    void keepsAHouseholdApartDespiteASharedMailboxAndListsTheMailboxAsGeneric() {
        ingestion.ingest(List.of(
                person("crm", "1", "Anna", "Schmidt", "1970-02-01", "familie.schmidt@web.example", "80331", "München"),
                person("crm", "2", "Peter", "Schmidt", "1968-11-23", "familie.schmidt@web.example", "80331", "München"),
                person("webshop", "w1", "Anna", "Schmidt", null, "familie.schmidt@web.example", "80331", "München")));

        assertThat(profileOf("crm", "1")).isNotEqualTo(profileOf("crm", "2"));
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);

        assertThat(profileOf("crm", "1")).isNotEqualTo(profileOf("crm", "2"));
        assertThat(graph.genericIdentifiers()).anySatisfy(generic -> {
            assertThat(generic.identifier().field()).isEqualTo(IdentifierField.EMAIL);
            assertThat(generic.identifier().value()).isEqualTo("familie.schmidt@web.example");
            assertThat(generic.reason()).contains("different names");
        });
    }

    @Test
    void ignoresAPlaceholderEmailSharedByStrangers() {
        ingestion.ingest(List.of(
                person("pos", "1", "Jan", "Kowalski", null, "noemail@shop.example", "50667", "Köln"),
                person("pos", "2", "Jan", "Nowak", null, "noemail@shop.example", "04109", "Leipzig")));

        assertThat(profileOf("pos", "1")).isNotEqualTo(profileOf("pos", "2"));
        assertThat(graph.findProfile(profileOf("pos", "1")).orElseThrow().links()).isEmpty();
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        assertThat(profileOf("pos", "1")).isNotEqualTo(profileOf("pos", "2"));
        assertThat(graph.genericIdentifiers()).anySatisfy(generic ->
                assertThat(generic.reason()).isEqualTo("placeholder value"));
    }

    @Test
    void mergesTypoAndUmlautVariantsWithoutASharedIdentifierAndExplainsWhyByField() {
        ingestion.ingest(List.of(
                person("crm", "1", "Jürgen", "Müller", "1970-03-02", "j.mueller@web.example", "10115", "Berlin"),
                person("loyalty", "7", "Juergen", "Mueller", "1970-03-02", null, "10115", "Berlin"),
                person("webshop", "9", "Jürgen", "Müler", "1970-03-02", "juergen70@gmx.example", "10115", "Berlin")));

        ProfileId profile = profileOf("crm", "1");
        assertThat(profileOf("loyalty", "7")).isEqualTo(profile);
        assertThat(profileOf("webshop", "9")).isEqualTo(profile);
        List<RecordLink> links = graph.findProfile(profile).orElseThrow().links();
        assertThat(links).isNotEmpty().allSatisfy(link -> {
            assertThat(link.rule()).isEqualTo("probabilistic");
            assertThat(link.score()).isGreaterThan(0.95);
            assertThat(link.contributions()).extracting(field -> field.field())
                    .contains("first_name", "last_name", "birth_date", "address");
        });
        assertThat(links).anySatisfy(link -> assertThat(link.contributions()).anySatisfy(field -> {
            assertThat(field.field()).isEqualTo("birth_date");
            assertThat(field.level()).isEqualTo("exact");
            assertThat(field.weight()).isPositive();
        }));
    }

    @Test
    void aFullRunIsReproducibleAndKeepsProfileIds() {
        ingestion.ingest(sample());
        Map<SourceRecordKey, ProfileId> before = memberships();

        ResolutionRuns.Report first = runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        Map<SourceRecordKey, ProfileId> afterFirst = memberships();
        ResolutionRuns.Report second = runs.run("run-2", ResolutionEngine.Settings.defaults(), false);

        assertThat(first.records()).isEqualTo(before.size());
        assertThat(memberships()).isEqualTo(afterFirst);
        assertThat(second.recordsMoved()).isZero();
        assertThat(second.merges()).isEmpty();
        assertThat(second.splits()).isEmpty();
        assertThat(second.linkChanges().written()).as("a second run over the same records rewrites no link").isZero();
        assertThat(second.linkChanges().kept()).isEqualTo(first.links()).isPositive();
        assertThat(countLinks()).isEqualTo((long) first.links());
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothing() {
        ingestion.ingest(sample());
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        Map<SourceRecordKey, ProfileId> before = memberships();
        long linksBefore = countLinks();

        // A match threshold no model probability reaches: only shared identifiers still link, so the loyalty record
        // of Jürgen Müller (no email) would split off.
        ResolutionEngine.Settings strict = new ResolutionEngine.Settings(
                new Clustering.Thresholds(1.01, 0.5, 1.01, 1.01),
                ModelTraining.Settings.defaults(), 300);
        ResolutionRuns.Report dryRun = runs.run("dry-1", strict, true);

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.splits()).singleElement().satisfies(split ->
                assertThat(split.previous()).isEqualTo(profileOf("crm", "1")));
        assertThat(memberships()).isEqualTo(before);
        assertThat(countLinks()).isEqualTo(linksBefore);
    }

    @Test
    void aRunWithStricterSettingsRemovesOnlyTheLinksItNoLongerHolds() {
        ingestion.ingest(sample());
        ResolutionRuns.Report first = runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        ResolutionEngine.Settings strict = new ResolutionEngine.Settings(
                new Clustering.Thresholds(1.01, 0.5, 1.01, 1.01), ModelTraining.Settings.defaults(), 300);

        ResolutionRuns.Report stricter = runs.run("run-2", strict, false);

        assertThat(stricter.linkChanges().removed()).isPositive();
        assertThat(stricter.linkChanges().created()).isZero();
        assertThat(stricter.linkChanges().kept() + stricter.linkChanges().updated()).isEqualTo(stricter.links());
        assertThat(stricter.linkChanges().kept() + stricter.linkChanges().updated() + stricter.linkChanges().removed())
                .isEqualTo(first.links());
        assertThat(countLinks()).isEqualTo((long) stricter.links());
        assertThat(profileOf("crm", "1")).isNotEqualTo(profileOf("loyalty", "7"));
        assertThat(graph.history(profileOf("loyalty", "7"), 10)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(ProfileEvent.Kind.SPLIT);
            assertThat(event.cause()).isEqualTo(ProfileEvent.Cause.FULL_RUN);
            assertThat(event.runId()).isEqualTo("run-2");
            assertThat(event.survivor()).isEqualTo(profileOf("crm", "1"));
        });
    }

    @Test
    void aStewardsSplitSurvivesAFullRerunAndIsAudited() {
        ingestion.ingest(sample());
        ProfileId profile = profileOf("crm", "1");
        assertThat(profileOf("loyalty", "7")).isEqualTo(profile);

        ProfileId splitOff = graph.splitByHand(profile, Set.of(new SourceRecordKey("loyalty", "7")), "steward@example");
        assertThat(profileOf("loyalty", "7")).isEqualTo(splitOff).isNotEqualTo(profile);

        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);
        assertThat(profileOf("loyalty", "7")).isNotEqualTo(profileOf("crm", "1"));
        assertThat(profileOf("crm", "1")).isEqualTo(profile);
        long decisions = driver.executableQuery("MATCH (d:StewardDecision {kind: 'split', steward: 'steward@example'}) "
                + "RETURN count(d) AS n").execute().records().getFirst().get("n").asLong();
        assertThat(decisions).isEqualTo(1);
    }

    @Test
    void aStewardsSplitHoldsAgainstANewRecordThatMatchesBothSides() {
        ingestion.ingest(sample());
        ProfileId profile = profileOf("crm", "1");
        ProfileId splitOff = graph.splitByHand(profile, Set.of(new SourceRecordKey("loyalty", "7")), "steward@example");

        // Matches the CRM record and the split-off one alike: without the split it would join them again.
        ingestion.ingest(List.of(person("webshop", "42", "Jürgen", "Müller", "1970-03-02", "j.mueller@web.example",
                "10115", "Berlin")));

        assertThat(profileOf("loyalty", "7")).isEqualTo(splitOff);
        assertThat(profileOf("crm", "1")).isEqualTo(profile).isNotEqualTo(splitOff);
    }

    @Test
    void aStewardsMergeSurvivesAFullRerun() {
        ingestion.ingest(List.of(
                person("crm", "1", "Maria", "Lang", "1980-01-01", "maria@lang.example", "20095", "Hamburg"),
                person("crm", "2", "Mia", "Kurz", "1990-05-05", "mia@kurz.example", "01067", "Dresden")));
        ProfileId maria = profileOf("crm", "1");
        ProfileId mia = profileOf("crm", "2");
        assertThat(maria).isNotEqualTo(mia);

        graph.mergeByHand(maria, mia, "steward@example");
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);

        assertThat(profileOf("crm", "2")).isEqualTo(profileOf("crm", "1")).isEqualTo(maria);
        assertThat(graph.findProfile(maria).orElseThrow().links()).extracting(RecordLink::rule).contains("steward_merge");
    }

    @Test
    void aProfilesHistoryNamesEachMergeAndSplitWithItsCause() {
        ingestion.ingest(List.of(person("crm", "1", "Maria", "Lang", null, "maria@lang.example", null, null)));
        ingestion.ingest(List.of(withPhone(person("webshop", "2", "Maria", "Lang", null, null, null, null),
                "+49 151 23456789")));
        ProfileId crm = profileOf("crm", "1");
        ProfileId webshop = profileOf("webshop", "2");
        assertThat(crm).isNotEqualTo(webshop);
        // Her email and her phone on one receipt: the two profiles are one person's.
        ingestion.ingest(List.of(withPhone(person("pos", "3", "Maria", "Lang", null, "maria@lang.example", null, null),
                "+49 151 23456789")));
        ProfileId merged = profileOf("pos", "3");
        assertThat(profileOf("crm", "1")).isEqualTo(merged);
        assertThat(profileOf("webshop", "2")).isEqualTo(merged);
        ProfileId absorbed = merged.equals(crm) ? webshop : crm;

        ProfileId splitOff = graph.splitByHand(merged, Set.of(new SourceRecordKey("webshop", "2")), "lena.steward");
        graph.mergeByHand(merged, splitOff, "lena.steward");

        assertThat(graph.history(merged, 10)).satisfiesExactly(
                event -> {
                    assertThat(event.kind()).isEqualTo(ProfileEvent.Kind.MERGED);
                    assertThat(event.cause()).isEqualTo(ProfileEvent.Cause.STEWARD);
                    assertThat(event.other()).isEqualTo(splitOff);
                    assertThat(event.steward()).isEqualTo("lena.steward");
                    assertThat(event.decisionId()).isNotBlank();
                },
                event -> {
                    assertThat(event.kind()).isEqualTo(ProfileEvent.Kind.SPLIT);
                    assertThat(event.cause()).isEqualTo(ProfileEvent.Cause.STEWARD);
                    assertThat(event.survivor()).isEqualTo(merged);
                    assertThat(event.other()).isEqualTo(splitOff);
                    assertThat(event.steward()).isEqualTo("lena.steward");
                },
                event -> {
                    assertThat(event.kind()).isEqualTo(ProfileEvent.Kind.MERGED);
                    assertThat(event.cause()).isEqualTo(ProfileEvent.Cause.IMPORT);
                    assertThat(event.other()).isEqualTo(absorbed);
                });
        // An id merged away still tells where its records went; its newest event is the steward's merge.
        assertThat(graph.findProfile(splitOff)).isEmpty();
        assertThat(graph.history(splitOff, 10)).first().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(ProfileEvent.Kind.MERGED);
            assertThat(event.survivor()).isEqualTo(merged);
        });
        assertThat(graph.history(new ProfileId("never-existed"), 10)).isEmpty();

        graph.erase(merged);
        assertThat(graph.history(merged, 10)).as("erasure takes the history along").isEmpty();
    }

    @Test
    void aStewardsMergeWaitsForResolutionAndGivesUpCleanlyWhileARunIsApplied() throws Exception {
        ingestion.ingest(List.of(
                person("crm", "1", "Maria", "Lang", "1980-01-01", "maria@lang.example", "20095", "Hamburg"),
                person("crm", "2", "Mia", "Kurz", "1990-05-05", "mia@kurz.example", "01067", "Dresden")));
        ProfileId maria = profileOf("crm", "1");
        ProfileId mia = profileOf("crm", "2");
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        Thread run = Thread.ofVirtual().start(() -> ingestion.exclusively(() -> {
            running.countDown();
            try {
                return finish.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        running.await();

        assertThatThrownBy(() -> ingestion.exclusively(() -> {
            graph.mergeByHand(maria, mia, "steward@example");
            return null;
        }, java.time.Duration.ofMillis(200))).isInstanceOf(GraphBusyException.class)
                .hasMessageContaining("full resolution run");
        assertThat(profileOf("crm", "2")).as("nothing merged while the run held the graph").isEqualTo(mia);

        finish.countDown();
        run.join();
        ingestion.exclusively(() -> {
            graph.mergeByHand(maria, mia, "steward@example");
            return null;
        }, java.time.Duration.ofSeconds(5));
        assertThat(profileOf("crm", "2")).isEqualTo(maria);
    }

    @Test
    void aStewardsMergeSupersedesTheirEarlierSplitForEveryRecordOfIt() {
        List<SourceRecord> juergen = new java.util.ArrayList<>(sample());
        juergen.add(person("pos", "11", "Jürgen", "Müller", "1970-03-02", "j.mueller@web.example", "10115", "Berlin"));
        ingestion.ingest(juergen);
        ProfileId profile = profileOf("crm", "1");
        assertThat(List.of(profileOf("loyalty", "7"), profileOf("webshop", "9"), profileOf("pos", "11")))
                .containsOnly(profile);

        ProfileId splitOff = graph.splitByHand(profile, Set.of(new SourceRecordKey("webshop", "9"),
                new SourceRecordKey("pos", "11")), "steward@example");
        graph.mergeByHand(profile, splitOff, "steward@example");
        runs.run("run-1", ResolutionEngine.Settings.defaults(), false);

        assertThat(List.of(profileOf("loyalty", "7"), profileOf("webshop", "9"), profileOf("pos", "11")))
                .as("the merge undid the split for all four records, not only for the two it linked")
                .containsOnly(profileOf("crm", "1"));
        assertThat(driver.executableQuery("MATCH ()-[s:SPLIT_SIDE]->() RETURN count(s) AS n").execute().records()
                .getFirst().get("n").asLong()).isZero();
    }

    @Test
    void refusesASplitThatLeavesOneSideEmpty() {
        ingestion.ingest(List.of(person("crm", "1", "Maria", "Lang", "1980-01-01", "maria@lang.example", "20095",
                "Hamburg")));
        ProfileId maria = profileOf("crm", "1");
        assertThatThrownBy(() -> graph.splitByHand(maria, Set.of(new SourceRecordKey("crm", "1")), "steward"))
                .isInstanceOf(StewardDecisionException.class).hasMessageContaining("both sides");
    }

    private List<SourceRecord> sample() {
        return List.of(
                person("crm", "1", "Jürgen", "Müller", "1970-03-02", "j.mueller@web.example", "10115", "Berlin"),
                person("loyalty", "7", "Juergen", "Mueller", "1970-03-02", null, "10115", "Berlin"),
                person("webshop", "9", "Jürgen", "Müller", null, "j.mueller@web.example", null, null),
                person("crm", "2", "Thomas", "Müller", "1961-04-12", "thomas.mueller@web.example", "10115", "Berlin"),
                person("crm", "3", "Anna", "Schmidt", "1970-02-01", "familie.schmidt@web.example", "80331", "München"),
                person("crm", "4", "Peter", "Schmidt", "1968-11-23", "familie.schmidt@web.example", "80331", "München"));
    }

    private ProfileId profileOf(String source, String id) {
        return graph.profileOf(new SourceRecordKey(source, id)).orElseThrow();
    }

    private Map<SourceRecordKey, ProfileId> memberships() {
        Map<SourceRecordKey, ProfileId> memberships = new HashMap<>();
        graph.forEachMembership((profile, record) -> memberships.put(record, profile));
        return memberships;
    }

    private long countLinks() {
        return driver.executableQuery("MATCH ()-[l:MATCHED]->() RETURN count(l) AS n").execute().records().getFirst()
                .get("n").asLong();
    }

    private static SourceRecord withPhone(SourceRecord record, String phone) {
        return new SourceRecord(record.key(), record.kind(), record.firstName(), record.lastName(), record.email(),
                PhoneNumber.parse(phone, "DE"), record.birthDate(), record.city(), record.postalCode(), record.country(),
                null, null, null, null, null, null);
    }

    private static SourceRecord person(String source, String id, String first, String last, String birthDate,
                                       String email, String postalCode, String city) {
        return new SourceRecord(new SourceRecordKey(source, id), RecordKind.CUSTOMER, first, last,
                email == null ? null : new EmailAddress(email), null,
                birthDate == null ? null : LocalDate.parse(birthDate), city, postalCode, "DE", null, null, null, null,
                null, null);
    }
}
