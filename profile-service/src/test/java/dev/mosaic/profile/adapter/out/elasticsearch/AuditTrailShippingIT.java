package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * What the journal holds reaches the audit index: entries a node journaled but never shipped (it crashed) are
 * shipped at its next start, once each even when shipped again, and reads recorded while Elasticsearch does not
 * answer wait in the journal until it does; against a real Elasticsearch node, with an audit index of its own.
 */
class AuditTrailShippingIT {

    private static final Duration SHIP_INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path dataDir;

    private final URI elasticsearch = SharedTestStores.elasticsearch();
    private final String index = "audit-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String profileId = "p-" + UUID.randomUUID();

    @AfterEach
    void deleteIndex() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void shipsWhatACrashedNodeJournaledAtItsNextStartAndStoresEachEntryOnceWhenShippedAgain() throws Exception {
        Path folder = dataDir.resolve("audit-journal");
        // The reads were answered (each entry forced to disk), then the node died before its shipper ran.
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            journal.append(read("staff-1"));
            journal.append(read("staff-2"));
            journal.append(read("staff-3"));
        }

        try (Trail trail = new Trail(elasticsearch, folder)) {
            assertThat(trail.audit().find(ofTheProfile())).extracting(AuditEntry::who)
                    .containsExactlyInAnyOrder("staff-1", "staff-2", "staff-3");
        }

        // The note of how far the journal was shipped is gone (a crash right after a shipment): all is shipped again.
        Files.delete(folder.resolve("shipped"));
        try (Trail trail = new Trail(elasticsearch, folder)) {
            assertThat(trail.audit().find(ofTheProfile())).extracting(AuditEntry::who)
                    .containsExactlyInAnyOrder("staff-1", "staff-2", "staff-3");
        }
    }

    @Test
    void keepsReadsRecordedWhileElasticsearchDoesNotAnswerAndShipsThemOnceItDoes() throws Exception {
        Path folder = dataDir.resolve("audit-journal");
        try (Trail away = new Trail(URI.create("http://127.0.0.1:" + closedPort()), folder)) {
            // Recorded (on disk) although Elasticsearch does not answer: the reads are answered, not refused.
            away.audit().record(read("staff-1"));
            away.audit().record(read("staff-2"));
            Thread.sleep(SHIP_INTERVAL.toMillis() * 4);
        }

        try (Trail back = new Trail(elasticsearch, folder)) {
            back.audit().record(read("staff-3"));
            assertThat(back.audit().find(ofTheProfile())).extracting(AuditEntry::who)
                    .containsExactlyInAnyOrder("staff-1", "staff-2", "staff-3");
        }
    }

    @Test
    void shipsByItselfWithoutAnAdminAskingAndDeletesNothingItHasNotShipped() throws Exception {
        Path folder = dataDir.resolve("audit-journal");
        try (Trail trail = new Trail(elasticsearch, folder)) {
            trail.audit().record(read("staff-1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(SHIP_INTERVAL.toMillis());
            }
            assertThat(count()).as("shipped by the shipper thread").isEqualTo(1);
            assertThat(Long.parseLong(Files.readString(folder.resolve("shipped")).strip())).isEqualTo(1);
        }
    }

    private AuditEntry read(String who) {
        return new AuditEntry(Instant.parse("2026-12-05T10:00:00Z"), who, "profile.read", "/api/v1/profiles/" + profileId,
                profileId, null);
    }

    private AuditTrail.Criteria ofTheProfile() {
        return new AuditTrail.Criteria(null, profileId, null, null, null, 100);
    }

    private long count() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index
                + "/_count")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? 0 : new ObjectMapper().readTree(response.body()).path("count").asLong();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An audit trail over the journal in {@code folder}, shipping to {@code url}, as the configuration builds it. */
    private final class Trail implements AutoCloseable {

        private final RestClient restClient;
        private final ElasticsearchAuditTrail trail;

        Trail(URI url, Path folder) {
            restClient = RestClient.builder(HttpHost.create(url.toString())).build();
            ObjectMapper objectMapper = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            trail = new ElasticsearchAuditTrail(new ElasticsearchClient(new RestClientTransport(restClient,
                    new JacksonJsonpMapper(objectMapper))), index, new AuditJournal(folder, true), SHIP_INTERVAL);
            if (url.equals(elasticsearch)) {
                trail.prepareIndex();
            }
            trail.startShipping();
        }

        AuditTrail audit() {
            return trail;
        }

        @Override
        public void close() throws Exception {
            try {
                trail.close();
            } finally {
                restClient.close();
            }
        }
    }
}
