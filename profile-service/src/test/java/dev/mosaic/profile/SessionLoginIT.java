package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signing in to the pages: people created by an admin, their sessions and roles, the CSRF token, lockout, sign-out,
 * and API keys working on as before; through HTTP against a Mosaic on real Neo4j and Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SessionLoginIT {

    private static final String ADMIN_KEY = "it-session-admin-key-0123456789";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    private MosaicApiClient admin;

    @BeforeEach
    void client() {
        admin = new MosaicApiClient(port, ADMIN_KEY);
    }

    @Test
    void aPersonCreatedByAnAdminSignsInAndTheSessionHasTheirRolesOnly() throws Exception {
        String name = unique("anna");
        String password = "counter-" + UUID.randomUUID();
        JsonNode created = admin.json(createPerson(name, "Anna Berger", "STAFF", password, 201));
        assertThat(created.get("generatedPassword").isNull()).isTrue();
        BrowserSession anna = new BrowserSession(port);

        HttpResponse<String> signedIn = anna.signIn(name, password);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(anna.json(signedIn).get("displayName").asText()).isEqualTo("Anna Berger");
        assertThat(anna.json(signedIn).get("roles").toString()).isEqualTo("[\"STAFF\"]");
        String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("MOSAIC_SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(anna.get("/api/v1/session").statusCode()).isEqualTo(200);
        assertThat(anna.get("/api/v1/profiles/lookup?type=email&value=nobody%40example.de").statusCode())
                .isEqualTo(404);
        assertThat(anna.get("/api/v1/admin/keys").statusCode()).isEqualTo(403);
        assertThat(anna.get("/api/v1/admin/users").statusCode()).isEqualTo(403);
        HttpResponse<String> notHers = anna.send("DELETE", "/api/v1/profiles/some-profile", null, true);
        assertThat(notHers.statusCode()).isEqualTo(403);
        assertThat(anna.json(notHers).get("detail").asText()).isEqualTo("Your roles do not allow this request.");
        assertThat(anna.get("/imports.html").statusCode()).isEqualTo(200);

        String users = Files.readString(dataDir.resolve("users.tsv"));
        assertThat(users).contains(name).contains("{bcrypt}$2").doesNotContain(password);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("users.tsv")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode trail = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + name + "&action=session.signin")));
        assertThat(trail.size()).isEqualTo(1);
        JsonNode listed = admin.json(admin.send(admin.get("/api/v1/admin/users")));
        assertThat(listed.toString()).contains(name).doesNotContain("bcrypt").doesNotContain(password);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndAreAuditedWithoutThePassword(CapturedOutput output)
            throws Exception {
        String name = unique("ben");
        createPerson(name, "Ben", "STAFF", "the-right-password-1", 201);
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> wrongPassword = browser.signIn(name, "guess-number-one");
        HttpResponse<String> unknownUser = browser.signIn("secret-typed-as-name-" + UUID.randomUUID(), "guess-two");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(browser.json(wrongPassword).get("detail")).isEqualTo(browser.json(unknownUser).get("detail"));
        assertThat(browser.get("/api/v1/session").statusCode()).isEqualTo(401);
        JsonNode failures = admin.json(admin.send(admin.get("/api/v1/admin/audit?action=session.signin-failed")));
        assertThat(failures.findValues("who").stream().map(JsonNode::asText)).contains(name, "(unknown user)");
        assertThat(failures.toString()).doesNotContain("guess-number-one").doesNotContain("secret-typed-as-name");
        assertThat(output.getAll()).doesNotContain("guess-number-one").doesNotContain("secret-typed-as-name")
                .doesNotContain("the-right-password-1");
    }

    @Test
    void afterFiveFailuresAUserNameMustWaitEvenWithTheRightPassword() throws Exception {
        String name = unique("carla");
        String password = "carlas-password-" + UUID.randomUUID();
        createPerson(name, "Carla", "STEWARD", password, 201);
        BrowserSession guesser = new BrowserSession(port);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(guesser.signIn(name, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = guesser.signIn(name, "wrong-5");
        HttpResponse<String> rightButLocked = new BrowserSession(port).signIn(name, password);

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(rightButLocked.statusCode()).isEqualTo(429);
        assertThat(rightButLocked.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
        assertThat(guesser.json(rightButLocked).get("detail").asText()).contains("Too many failed sign-ins");
        assertThat(admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + name
                + "&action=session.signin-locked"))).size()).isEqualTo(1);
        String other = unique("dora");
        createPerson(other, "Dora", "STAFF", "doras-password-123", 201);
        assertThat(new BrowserSession(port).signIn(other, "doras-password-123").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminSignsInWithTheBootstrapKeyAndChangesNothingWithoutTheCsrfToken() throws Exception {
        BrowserSession adminPage = new BrowserSession(port);
        HttpResponse<String> signedIn = adminPage.signIn("admin", ADMIN_KEY);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(adminPage.json(signedIn).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        String keyRequest = "{\"name\":\"" + unique("till") + "\",\"roles\":[\"STAFF\"]}";

        HttpResponse<String> withoutToken = adminPage.send("POST", "/api/v1/admin/keys", keyRequest, false);
        HttpResponse<String> withToken = adminPage.send("POST", "/api/v1/admin/keys", keyRequest, true);

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(adminPage.json(withoutToken).get("detail").asText()).contains("CSRF");
        assertThat(withToken.statusCode()).isEqualTo(201);
        BrowserSession forged = new BrowserSession(port);
        forged.get("/login.html");
        assertThat(forged.send("POST", "/api/v1/session", "{\"userName\":\"admin\",\"password\":\"" + ADMIN_KEY + "\"}",
                false).statusCode()).as("a sign-in without the token").isEqualTo(403);
    }

    @Test
    void apiKeysWorkWithoutCsrfTokenOrSessionAndRequestsWithoutCredentialsGet401() throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + unique("pos") + "\",\"roles\":[\"STAFF\"]}", "application/json")));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("MOSAIC_SESSION"));
        JsonNode whoAmI = admin.json(admin.send(admin.get("/api/v1/session")));
        assertThat(whoAmI.get("via").asText()).isEqualTo("apiKey");
        assertThat(whoAmI.get("userName").asText()).isEqualTo("admin");
        HttpResponse<String> nobody = admin.send(admin.post("/api/v1/admin/keys", "{}", "application/json"));
        assertThat(nobody.statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String name = unique("emil");
        createPerson(name, "Emil", "STAFF", "emils-password-123", 201);
        BrowserSession emil = new BrowserSession(port);
        emil.signIn(name, "emils-password-123");

        HttpResponse<String> signedOut = emil.send("DELETE", "/api/v1/session", null, true);

        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(emil.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(emil.get("/").statusCode()).isEqualTo(302);
        assertThat(admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + name + "&action=session.signout")))
                .size()).isEqualTo(1);
    }

    @Test
    void disablingAPersonOrGivingThemANewPasswordEndsTheirSessionsAndChangedRolesApplyAtOnce() throws Exception {
        String name = unique("fritz");
        createPerson(name, "Fritz", "STAFF", "fritz-password-123", 201);
        BrowserSession fritz = new BrowserSession(port);
        fritz.signIn(name, "fritz-password-123");
        assertThat(fritz.get("/api/v1/resolution/review?limit=1").statusCode()).isEqualTo(403);

        assertThat(update(name, "Fritz", "STEWARD", true).statusCode()).isEqualTo(200);
        assertThat(fritz.get("/api/v1/resolution/review?limit=1").statusCode()).isEqualTo(200);

        assertThat(update(name, "Fritz", "STEWARD", false).statusCode()).isEqualTo(200);
        assertThat(fritz.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(new BrowserSession(port).signIn(name, "fritz-password-123").statusCode()).isEqualTo(401);

        update(name, "Fritz", "STEWARD", true);
        BrowserSession again = new BrowserSession(port);
        assertThat(again.signIn(name, "fritz-password-123").statusCode()).isEqualTo(200);
        HttpResponse<String> reset = admin.send(admin.withKey(admin.post("/api/v1/admin/users/" + name + "/password",
                "{}", "application/json")));
        assertThat(reset.statusCode()).isEqualTo(200);
        String generated = admin.json(reset).get("generatedPassword").asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(again.get("/api/v1/session").statusCode()).isEqualTo(401);
        assertThat(new BrowserSession(port).signIn(name, "fritz-password-123").statusCode()).isEqualTo(401);
        assertThat(new BrowserSession(port).signIn(name, generated).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesSendSomebodyNotSignedInToTheLoginAndBack() throws Exception {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> page = browser.get("/imports.html");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login.html?next=%2Fimports.html"));
        assertThat(browser.get("/login.html").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("XSRF-TOKEN")).isPresent();
        assertThat(browser.get("/i18n.js").statusCode()).isEqualTo(200);
        browser.signIn("admin", ADMIN_KEY);
        assertThat(browser.get("/imports.html").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin.html").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsA400NamingTheMistake() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.get("/login.html");
        assertThat(browser.send("POST", "/api/v1/session", "not json", true).statusCode()).isEqualTo(400);
        assertThat(browser.send("POST", "/api/v1/session", "{\"userName\":\"x\"}", true).statusCode()).isEqualTo(400);
        assertThat(createPerson(unique("short"), "Short", "STAFF", "too-short", 400).body()).contains("12 characters");
        assertThat(createPerson("Not A Name!", "X", "STAFF", null, 400).body()).contains("userName");
        assertThat(createPerson(unique("king"), "King", "KING", null, 400).body()).contains("KING");
        assertThat(createPerson("admin", "Admin", "ADMIN", null, 400).body()).contains("'admin'");
        String keyName = unique("shared");
        admin.send(admin.withKey(admin.post("/api/v1/admin/keys", "{\"name\":\"" + keyName
                + "\",\"roles\":[\"STAFF\"]}", "application/json")));
        assertThat(createPerson(keyName, "Shared", "STAFF", null, 400).body()).contains("API key");
        assertThat(update("nobody-" + UUID.randomUUID().toString().substring(0, 8), "X", "STAFF", true).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdminGivesAKeyOtherRoles() throws Exception {
        JsonNode key = admin.json(admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + unique("kiosk") + "\",\"roles\":[\"STAFF\"]}", "application/json"))));
        MosaicApiClient kiosk = new MosaicApiClient(port, key.get("secret").asText());
        assertThat(kiosk.send(kiosk.get("/api/v1/segments")).statusCode()).isEqualTo(403);

        HttpResponse<String> changed = admin.send(admin.withKey(HttpRequest.newBuilder(admin.uri("/api/v1/admin/keys/"
                        + key.get("id").asText() + "/roles")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"MARKETER\"]}"))));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(admin.json(changed).get("roles").toString()).isEqualTo("[\"MARKETER\"]");
        assertThat(kiosk.send(kiosk.get("/api/v1/segments")).statusCode()).isEqualTo(200);
        assertThat(kiosk.send(kiosk.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheSessionAndThePeopleEndpoints() throws Exception {
        JsonNode api = admin.json(admin.send(HttpRequest.newBuilder(admin.uri("/v3/api-docs")).GET()));
        assertThat(api.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        assertThat(api.at("/components/securitySchemes/session/name").asText()).isEqualTo("MOSAIC_SESSION");
        assertThat(api.get("paths").has("/api/v1/session")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/users")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/users/{userName}/password")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/keys/{keyId}/roles")).isTrue();
    }

    private HttpResponse<String> createPerson(String userName, String displayName, String role, String password,
                                              int expectedStatus) throws Exception {
        String body = "{\"userName\":\"" + userName + "\",\"displayName\":\"" + displayName + "\",\"roles\":[\"" + role
                + "\"]" + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}";
        HttpResponse<String> response = admin.send(admin.withKey(admin.post("/api/v1/admin/users", body,
                "application/json")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private HttpResponse<String> update(String userName, String displayName, String role, boolean enabled)
            throws Exception {
        return admin.send(admin.withKey(HttpRequest.newBuilder(admin.uri("/api/v1/admin/users/" + userName))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"" + displayName + "\",\"roles\":[\"" + role + "\"],\"enabled\":" + enabled
                                + "}"))));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
