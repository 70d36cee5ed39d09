package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.MatchRecord;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/**
 * A first load stored without resolving, then one full run: what a deferred import of a large file does. Large enough
 * that the run writes its memberships and links in several batches on several sessions at once.
 */
class BulkLoadResolutionIT extends EmptyGraphTest {

    private static final int PEOPLE = 3_500;

    @Test
    void aFullRunAfterABulkLoadPutsEveryRecordInTheProfileTheEngineFormsAndASecondRunWritesNothing() {
        List<SourceRecord> records = people();
        RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
        for (int from = 0; from < records.size(); from += 2_000) {
            RecordIngestion.Outcome stored = ingestion.ingestWithoutResolving(
                    records.subList(from, Math.min(records.size(), from + 2_000)));
            assertThat(stored.count(RecordChange.IMPORTED)).isEqualTo(Math.min(2_000, records.size() - from));
        }
        assertThat(count("MATCH (r:Record) WHERE EXISTS { (r)-[:BELONGS_TO]->() } RETURN count(r) AS n"))
                .as("stored, not resolved yet").isZero();
        ResolutionRuns runs = new ResolutionRuns(graph, ingestion, (changed, removed) -> { },
                Neo4jIdentityGraphs.runLog(driver), Clock.systemUTC());

        ResolutionRuns.Report first = runs.run("bulk-1", ResolutionEngine.Settings.defaults(), false);

        assertThat(first.records()).isEqualTo(records.size());
        assertThat(first.recordsMoved()).isEqualTo(records.size());
        assertThat(first.links()).as("enough links for several write batches").isGreaterThan(5_000);
        assertThat(count("MATCH (r:Record) WHERE COUNT { (r)-[:BELONGS_TO]->() } <> 1 RETURN count(r) AS n"))
                .as("every record in exactly one profile").isZero();
        assertThat(count("MATCH (p:Profile) WHERE NOT EXISTS { (p)<-[:BELONGS_TO]-() } RETURN count(p) AS n"))
                .as("no empty profile").isZero();
        assertThat(count("MATCH ()-[l:MATCHED]->() RETURN count(l) AS n")).isEqualTo(first.links());
        assertThat(count("MATCH ()-[l:MATCHED]->() WHERE l.rule IS NULL OR l.score IS NULL "
                + "OR (l.rule = 'probabilistic' AND size(l.fields) = 0) RETURN count(l) AS n"))
                .as("every link keeps its rule, score and each field's contribution").isZero();
        assertThat(count("MATCH ()-[l:MATCHED]->() WHERE l.evidence IS NOT NULL RETURN count(l) AS n"))
                .as("no evidence text stored that the rule and fields already say").isZero();
        assertThat(count("MATCH (a)-[:MATCHED]->(b) WHERE NOT EXISTS { (a)-[:BELONGS_TO]->()<-[:BELONGS_TO]-(b) } "
                + "RETURN count(*) AS n")).as("links join records of one profile").isZero();
        assertThat(groups(memberships())).as("the graph holds the engine's clusters").isEqualTo(engineClusters(records));

        Map<SourceRecordKey, ProfileId> afterFirst = memberships();
        var reviewAfterFirst = graph.reviewQueue(Integer.MAX_VALUE);
        assertThat(reviewAfterFirst).as("pairs held back for a steward").isNotEmpty();
        assertThat(reviewAfterFirst).allSatisfy(queued -> {
            assertThat(queued.firstProfile()).isEqualTo(afterFirst.get(queued.pair().first()));
            assertThat(queued.secondProfile()).isEqualTo(afterFirst.get(queued.pair().second()))
                    .isNotEqualTo(queued.firstProfile());
        });
        assertThat(reviewAfterFirst.stream().map(queued -> Set.of(queued.firstProfile(), queued.secondProfile())))
                .as("two profiles are queued once").doesNotHaveDuplicates();
        assertThat(reviewAfterFirst.stream().map(queued -> queued.pair().probability()).toList()).as("strongest first")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(graph.reviewQueue(3)).as("a page is the start of the queue")
                .isEqualTo(reviewAfterFirst.subList(0, Math.min(3, reviewAfterFirst.size())));
        assertThat(count("MATCH ()-[r:REVIEW]->() RETURN count(r) AS n")).as("the graph keeps no other pair")
                .isEqualTo(reviewAfterFirst.size());
        ResolutionRuns.Report second = runs.run("bulk-2", ResolutionEngine.Settings.defaults(), false);

        assertThat(second.recordsMoved()).isZero();
        assertThat(second.linkChanges().written()).isZero();
        assertThat(second.linkChanges().kept()).isEqualTo(first.links());
        assertThat(memberships()).isEqualTo(afterFirst);
        assertThat(graph.reviewQueue(Integer.MAX_VALUE)).as("the same review queue, kept in place")
                .containsExactlyInAnyOrderElementsOf(reviewAfterFirst);
    }

    /** People with one to four records each across sources, with the variants sources produce. */
    private static List<SourceRecord> people() {
        Random random = new Random(11);
        String[] firstNames = {"Anna", "Jürgen", "Maria", "Thomas", "Lena", "Mehmet", "Sophie", "Lukas", "Eva", "Paul"};
        String[] lastNames = {"Schmidt", "Müller", "Kaya", "Nowak", "Becker", "Wagner", "Hoffmann", "Klein", "Wolf",
                "Neumann", "Schulz", "Krüger", "Lange", "Weber", "Fischer", "Yilmaz"};
        String[] sources = {"crm", "webshop", "pos", "loyalty"};
        List<SourceRecord> records = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            String first = firstNames[random.nextInt(firstNames.length)];
            String last = lastNames[random.nextInt(lastNames.length)] + (person % 97 == 0 ? "" : "-" + (person % 211));
            LocalDate birthDate = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String email = (first + "." + last + person).toLowerCase(java.util.Locale.ROOT)
                    .replace("ü", "ue") + "@mail.example";
            String phone = "+49151" + (10_000_000 + person);
            String postalCode = String.valueOf(10_000 + random.nextInt(80_000));
            int copies = 1 + random.nextInt(4);
            for (int copy = 0; copy < copies; copy++) {
                boolean withEmail = copy == 0 || random.nextBoolean();
                boolean withPhone = !withEmail || random.nextInt(3) == 0;
                records.add(new SourceRecord(new SourceRecordKey(sources[copy], "p" + person + "-" + copy),
                        RecordKind.CUSTOMER, copy == 2 ? first.toUpperCase(java.util.Locale.ROOT) : first, last,
                        withEmail ? new EmailAddress(copy == 1 ? email.toUpperCase(java.util.Locale.ROOT) : email) : null,
                        withPhone ? PhoneNumber.parse(phone, "DE") : null, random.nextInt(4) == 0 ? null : birthDate,
                        "Hamburg", postalCode, "DE", null, null, null, null, null, null));
            }
            if (person % 25 == 0) {
                // a namesake at the same postal code, born decades apart: a pair for the review queue, not a link
                records.add(new SourceRecord(new SourceRecordKey("pos", "namesake-" + person), RecordKind.CUSTOMER,
                        first, last, null, null, birthDate.minusYears(23), "Hamburg", postalCode, "DE", null, null,
                        null, null, null, null));
            }
        }
        return records;
    }

    private static Set<Set<SourceRecordKey>> engineClusters(List<SourceRecord> records) {
        List<MatchRecord> sorted = records.stream().map(MatchRecord::of)
                .sorted(java.util.Comparator.comparing((MatchRecord r) -> r.key().source())
                        .thenComparing(r -> r.key().recordId())).toList();
        ResolutionEngine.Result result = new ResolutionEngine(ResolutionEngine.Settings.defaults())
                .resolve(sorted, Constraints.none(), GenericIdentifiers.Overrides.none());
        Map<Integer, Set<SourceRecordKey>> clusters = new HashMap<>();
        for (int i = 0; i < result.records().size(); i++) {
            clusters.computeIfAbsent(result.clusterOf()[i], c -> new HashSet<>()).add(result.records().get(i).key());
        }
        return new HashSet<>(clusters.values());
    }

    private static Set<Set<SourceRecordKey>> groups(Map<SourceRecordKey, ProfileId> memberships) {
        Map<ProfileId, Set<SourceRecordKey>> byProfile = new HashMap<>();
        memberships.forEach((record, profile) -> byProfile.computeIfAbsent(profile, p -> new HashSet<>()).add(record));
        return new HashSet<>(byProfile.values());
    }

    private Map<SourceRecordKey, ProfileId> memberships() {
        Map<SourceRecordKey, ProfileId> memberships = new HashMap<>();
        graph.forEachMembership((profile, record) -> memberships.put(record, profile));
        return memberships;
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().getFirst().get("n").asLong();
    }
}
