package dev.mosaic.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import dev.mosaic.runtime.testing.SharedTestStores;

class LocalStoresIT {

    @Test
    void neo4jAnswersCypherOverBolt() {
        try (Driver driver = GraphDatabase.driver(SharedTestStores.neo4jBolt(), AuthTokens.none())) {
            long answer = driver.executableQuery("RETURN 40 + 2 AS answer").execute()
                    .records().getFirst().get("answer").asLong();
            assertThat(answer).isEqualTo(42);
        }
    }

    @Test
    void elasticsearchNodeReportsVersion819() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(SharedTestStores.elasticsearch().resolve("/_nodes/_local/version")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\":\"8.19.");
    }

    @Test
    void elasticsearchListensOnLoopbackOnly() {
        URI uri = SharedTestStores.elasticsearch();
        assertThat(uri.getHost()).isIn("127.0.0.1", "localhost");
    }
}
