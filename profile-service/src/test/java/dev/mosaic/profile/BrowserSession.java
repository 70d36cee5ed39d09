package dev.mosaic.profile;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a Mosaic started by a test as the pages in a browser do: cookies kept between requests (the session and the
 * CSRF token), JSON bodies, redirects not followed so a test sees them.
 */
public final class BrowserSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    public BrowserSession(int port) {
        this.port = port;
    }

    /** Opens the login page (which sets the CSRF cookie) and signs in with the token, as login.js does. */
    public HttpResponse<String> signIn(String userName, String password) throws Exception {
        get("/login.html");
        return send("POST", "/api/v1/session", json.writeValueAsString(new SignIn(userName, password)), true);
    }

    private record SignIn(String userName, String password) {
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body (or none), carrying the CSRF token from its cookie when {@code withCsrfToken}. */
    public HttpResponse<String> send(String method, String path, String body, boolean withCsrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withCsrfToken) {
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(uri("/")).stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public JsonNode json(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
