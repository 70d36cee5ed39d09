package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.FieldContribution;

/**
 * Walk-in receipts entered with a placeholder email and the store's own phone, spread over several imports, each
 * resolved incrementally: the first import's two walk-ins share a first name, so nothing yet tells the store's phone
 * from one person's; the second import shows the phone under other names. However the values came to be known
 * generic, no profile may be held together only by them.
 */
class GenericOnlyProfilesIT extends EmptyGraphTest {

    private static final String PLACEHOLDER = "noemail@store.example";
    private static final PhoneNumber STORE_PHONE = new PhoneNumber("030 9876543", "+49309876543");
    private static final Set<String> IDENTIFIER_FIELDS = Set.of("email", "phone", "loyalty_id", "social_handle");

    @Test
    void afterSeveralIncrementalImportsNoProfileIsHeldTogetherOnlyByAGenericIdentifier() {
        RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
        ingestion.ingest(List.of(
                walkIn("w-1", "Thomas", "Becker"),
                walkIn("w-2", "Thomas", "Wagner")));
        ingestion.ingest(List.of(
                walkIn("w-3", "Maria", "Schulz"),
                walkIn("w-4", "Jan", "Nowak"),
                customer("julia-1", "Julia", "Roth", "julia.roth@mail.example")));
        ingestion.ingest(List.of(
                walkIn("w-5", "Thomas", "Klein"),
                walkIn("w-6", "Anna", "Lehmann"),
                walkIn("w-7", "Maria", "Schulz"),
                customer("julia-2", "Julia", "Roth", "julia.roth@mail.example")));

        assertThat(profilesHeldTogetherOnlyByGenericIdentifiers()).isEmpty();
        assertThat(profileOf("w-1")).as("two Thomases who only shared the store's phone")
                .isNotEqualTo(profileOf("w-2"));
        assertThat(profileOf("julia-1")).as("Julia's own email still holds").isEqualTo(profileOf("julia-2"));
    }

    /**
     * Profile ids whose members fall apart when only the links with evidence beyond generic identifiers count: a
     * shared identifier that is not generic, or, for a scored link, agreement on names, birth date or address.
     */
    private Set<String> profilesHeldTogetherOnlyByGenericIdentifiers() {
        Map<String, Set<String>> members = new HashMap<>();
        driver.executableQuery("MATCH (r:Record)-[:BELONGS_TO]->(p:Profile) RETURN p.id AS p, r.recordId AS r").execute()
                .records().forEach(row -> members.computeIfAbsent(row.get("p").asString(), p -> new HashSet<>())
                        .add(row.get("r").asString()));
        Map<String, List<String[]>> evidencedLinks = new HashMap<>();
        driver.executableQuery("""
                MATCH (a:Record)-[:BELONGS_TO]->(p:Profile)<-[:BELONGS_TO]-(b:Record), (a)-[l:MATCHED]->(b)
                OPTIONAL MATCH (a)-[:HAS_IDENTIFIER]->(shared:Identifier)<-[:HAS_IDENTIFIER]-(b)
                WHERE coalesce(shared.generic, false) = false
                RETURN p.id AS p, a.recordId AS a, b.recordId AS b, l.rule AS rule, l.fields AS fields,
                       count(shared) AS trustedShared""").execute().records().forEach(row -> {
            double otherEvidence = row.get("fields").isNull() ? 0 : row.get("fields")
                    .asList(value -> FieldContribution.decode(value.asString())).stream()
                    .filter(field -> !IDENTIFIER_FIELDS.contains(field.field()))
                    .mapToDouble(FieldContribution::weight).sum();
            boolean scored = !row.get("rule").asString().startsWith("exact_");
            if (row.get("trustedShared").asLong() > 0 || scored && otherEvidence > 0) {
                evidencedLinks.computeIfAbsent(row.get("p").asString(), p -> new ArrayList<>())
                        .add(new String[] {row.get("a").asString(), row.get("b").asString()});
            }
        });
        Set<String> heldOnlyByGeneric = new HashSet<>();
        members.forEach((profile, records) -> {
            if (records.size() > 1 && components(records, evidencedLinks.getOrDefault(profile, List.of())) > 1) {
                heldOnlyByGeneric.add(profile + " " + records);
            }
        });
        return heldOnlyByGeneric;
    }

    private static int components(Set<String> records, List<String[]> links) {
        Map<String, String> parent = new HashMap<>();
        records.forEach(record -> parent.put(record, record));
        for (String[] link : links) {
            parent.put(root(parent, link[0]), root(parent, link[1]));
        }
        Set<String> roots = new HashSet<>();
        records.forEach(record -> roots.add(root(parent, record)));
        return roots.size();
    }

    private static String root(Map<String, String> parent, String record) {
        String current = record;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }

    private String profileOf(String recordId) {
        return graph.profileOf(new SourceRecordKey("pos", recordId)).orElseThrow().value();
    }

    private static SourceRecord walkIn(String id, String first, String last) {
        return receipt(id, first, last, PLACEHOLDER);
    }

    private static SourceRecord customer(String id, String first, String last, String email) {
        return receipt(id, first, last, email);
    }

    private static SourceRecord receipt(String id, String first, String last, String email) {
        return new SourceRecord(new SourceRecordKey("pos", id), RecordKind.PURCHASE, first, last,
                new EmailAddress(email), STORE_PHONE, null, null, null, null, null, null,
                Instant.parse("2025-03-01T10:00:00Z"), null, null, null);
    }
}
