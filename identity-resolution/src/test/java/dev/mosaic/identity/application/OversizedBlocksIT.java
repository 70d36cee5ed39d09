package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * A value shared by more records than an incremental block may hold (50): one loyal customer's many receipts, or a
 * placeholder many people were entered with.
 */
class OversizedBlocksIT extends EmptyGraphTest {

    private static final int RECEIPTS = 60;
    /** Sixty people, no two with alike first names or alike surnames. */
    private static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Karla",
            "Lukas", "Mia", "Noah", "Olga", "Paul", "Quirin", "Rosa", "Samuel", "Tilda", "Uwe", "Vera", "Willi",
            "Xenia", "Yusuf", "Zoe", "Agnes", "Bruno", "Heike", "Dieter", "Elif", "Franz", "Gisela", "Horst",
            "Ingrid", "Jakob", "Kerstin", "Lars", "Marta", "Nils", "Oskar", "Petra", "Rainer", "Sabine", "Timo",
            "Ursula", "Volker", "Wiebke", "Aylin", "Björn", "Cem", "Doris", "Egon", "Frieda", "Gustav", "Hilde",
            "Igor", "Jule", "Konrad", "Lotte");
    private static final List<String> LAST_NAMES = List.of(
            "Schmidt", "Yilmaz", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Seidel", "Hartmann", "Lange", "Werner",
            "Krause", "Lehmann", "Köhler", "Herrmann", "Walter", "König", "Mayer", "Huber", "Kaiser", "Fuchs",
            "Peters", "Dietrich", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller",
            "Günther", "Frank", "Berger", "Winkler", "Roth", "Graf", "Lorenz", "Baumann", "Sommer", "Albrecht",
            "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Engel", "Martin", "Schumacher", "Krämer", "Vogt",
            "Stein");

    private RecordIngestion ingestion;

    @BeforeEach
    void ingestion() {
        ingestion = new RecordIngestion(graph, (changed, removed) -> { });
    }

    @Test
    void aNewReceiptOfALoyalCustomerWithMoreReceiptsThanABlockHoldsJoinsHerProfile() {
        List<SourceRecord> receipts = new ArrayList<>();
        for (int i = 1; i <= RECEIPTS; i++) {
            receipts.add(receipt("pos-" + i, "Greta", "Hoffmann", "greta.hoffmann@mail.example", "10115"));
        }
        for (int from = 0; from < RECEIPTS; from += 20) {
            ingestion.ingest(receipts.subList(from, from + 20));
        }
        ProfileId greta = profileOf("pos-1");
        assertThat(receipts).allSatisfy(receipt -> assertThat(profileOf(receipt.key().recordId())).isEqualTo(greta));

        ingestion.ingest(List.of(receipt("pos-new", "Greta", "Hoffmann", "Greta.Hoffmann@mail.example", "10117")));

        assertThat(profileOf("pos-new")).isEqualTo(greta);
        assertThat(graph.allProfileIds()).containsExactly(greta);
    }

    @Test
    void aNewWalkInReceiptWithAPlaceholderEmailSharedByManyPeopleJoinsNobody() {
        List<SourceRecord> walkIns = new ArrayList<>();
        for (int i = 1; i <= RECEIPTS; i++) {
            walkIns.add(receipt("pos-" + i, FIRST_NAMES.get(i - 1), LAST_NAMES.get(i - 1), "noemail@shop.example",
                    null));
        }
        for (int from = 0; from < RECEIPTS; from += 20) {
            ingestion.ingest(walkIns.subList(from, from + 20));
        }
        Set<ProfileId> before = graph.allProfileIds();
        assertThat(before).hasSize(RECEIPTS);

        ingestion.ingest(List.of(receipt("pos-new", "Ottilie", "Brandt", "noemail@shop.example", null)));

        ProfileId newcomer = profileOf("pos-new");
        assertThat(before).doesNotContain(newcomer);
        assertThat(graph.findProfile(newcomer).orElseThrow().records()).hasSize(1);
        assertThat(walkIns.stream().map(walkIn -> profileOf(walkIn.key().recordId())).collect(Collectors.toSet()))
                .hasSize(RECEIPTS);
    }

    private ProfileId profileOf(String recordId) {
        return graph.profileOf(new SourceRecordKey("pos", recordId)).orElseThrow();
    }

    private static SourceRecord receipt(String id, String first, String last, String email, String postalCode) {
        return new SourceRecord(new SourceRecordKey("pos", id), RecordKind.PURCHASE, first, last,
                new EmailAddress(email), null, null, null, postalCode, null, null, null,
                Instant.parse("2025-03-01T10:00:00Z"), null, null, null);
    }
}
