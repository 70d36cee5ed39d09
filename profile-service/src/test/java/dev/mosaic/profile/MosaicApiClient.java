package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a Mosaic started by a test, as another system would: HTTP with an API key, JSON answers. */
public final class MosaicApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String key;

    public MosaicApiClient(int port, String key) {
        this.port = port;
        this.key = key;
    }

    /** A GET with the API key. */
    public HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).GET();
    }

    /** A POST without credentials: add the key with {@link #withKey} where the test wants one. */
    public HttpRequest.Builder post(String path, String body, String contentType) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return request.header("X-API-Key", key);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Polls the import until it is neither queued nor running (60 s at most) and returns its status. */
    public JsonNode awaitImport(String importId) throws Exception {
        return awaitImport(importId, Duration.ofSeconds(60));
    }

    /** Polls the import until it is neither queued nor running and returns its status. */
    public JsonNode awaitImport(String importId, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json(send(get("/api/v1/imports/" + importId)));
            String state = status.get("status").asText();
            if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + importId + " did not finish in " + patience);
    }

    /** Polls a resolution run until it is neither queued nor running (120 s at most) and returns it. */
    public JsonNode awaitResolutionRun(String runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = json(send(get("/api/v1/resolution/runs/" + runId)));
            if (!run.get("state").asText().equals("QUEUED") && !run.get("state").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("resolution run " + runId + " did not finish in 120 s");
    }

    /** Profiles are findable by identifier after the index's next refresh, within about a second of the import. */
    public HttpResponse<String> lookupEventually(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = send(get(path));
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = send(get(path));
        }
        return response;
    }

    /** Imports a CSV file of the type as the admin key and waits until it has completed; returns its status. */
    public JsonNode importCompleted(String type, String csv) throws Exception {
        HttpResponse<String> accepted = send(withKey(post("/api/v1/imports?type=" + type, csv, "text/csv")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode status = awaitImport(json(accepted).get("importId").asText());
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        return status;
    }

    /** As {@link #importCompleted}, for a file every row of which becomes a record. */
    public JsonNode importWithoutQuarantine(String type, String csv) throws Exception {
        JsonNode status = importCompleted(type, csv);
        assertThat(status.at("/counts/quarantined").asInt()).as(status.toString()).isZero();
        return status;
    }

    /** The full profile, which must exist. */
    public JsonNode profile(String profileId) throws Exception {
        HttpResponse<String> response = send(get("/api/v1/profiles/" + profileId));
        assertThat(response.statusCode()).as(profileId).isEqualTo(200);
        return json(response);
    }

    /** The profile ids a search finds, best first. */
    public List<String> searchHits(String q) throws Exception {
        HttpResponse<String> response = send(get("/api/v1/profiles/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).get("hits").forEach(hit -> ids.add(hit.get("profileId").asText()));
        return ids;
    }
}
