package dev.mosaic.profile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
}
