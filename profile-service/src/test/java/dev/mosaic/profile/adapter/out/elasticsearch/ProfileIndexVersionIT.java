package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.profile.IndexUpgradeIT;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.profile.domain.ProfileContent;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * A read model of an older index version keeps serving while the new version is filled, then the alias moves to the
 * new index in one step and the old one is gone; against a real Elasticsearch node, under an alias of its own.
 */
class ProfileIndexVersionIT {

    /** The mapping of version 1, as released before the profile content existed. */
    private static final String VERSION_1 = IndexUpgradeIT.VERSION_1;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI elasticsearch = SharedTestStores.elasticsearch();
    private final String alias = "version-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void servesTheOldVersionWhileTheNewIsFilledThenSwapsTheAliasAndDropsTheOldIndex() throws Exception {
        request("PUT", "/" + alias + "-v1", VERSION_1);
        request("POST", "/_aliases", """
                {"actions": [{"add": {"index": "%1$s-v1", "alias": "%1$s", "is_write_index": true}}]}""".formatted(alias));
        request("PUT", "/" + alias + "-v1/_doc/p-1?refresh=true", """
                {"profileId": "p-1", "displayName": "Anna Schmidt", "emails": ["anna@example.de"], "phones": [],
                 "loyaltyIds": [], "socialHandles": [], "cities": [], "recordKeys": ["crm/1"], "sourceRecords": [],
                 "links": [], "updatedAt": "2024-01-01T00:00:00Z"}""");

        try (ElasticsearchProfiles profiles = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            ElasticsearchProfileReadModel readModel = profiles.elasticsearchReadModel();
            assertThat(readModel.awaitsRebuild()).isTrue();
            assertThat(aliasTargets()).containsExactly(alias + "-v1");

            readModel.saveAll(List.of(view("p-1")));
            assertThat(readModel.findById("p-1")).hasValueSatisfying(served -> {
                assertThat(served.golden()).as("still the version 1 document").isNull();
                assertThat(served.displayName()).isEqualTo("Anna Schmidt");
            });

            readModel.completeRebuild();

            assertThat(readModel.awaitsRebuild()).isFalse();
            assertThat(aliasTargets()).containsExactly(alias + "-v" + ElasticsearchProfileReadModel.VERSION);
            assertThat(request("HEAD", "/" + alias + "-v1", null).statusCode()).isEqualTo(404);
            assertThat(readModel.findById("p-1")).hasValueSatisfying(served ->
                    assertThat(served.golden().firstName().value()).isEqualTo("Anna"));
        }

        try (ElasticsearchProfiles again = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            assertThat(again.readModel().awaitsRebuild()).as("the current version needs nothing").isFalse();
            assertThat(again.readModel().count()).isEqualTo(1);
        }
    }

    @Test
    void createsTheCurrentVersionBehindTheAliasOnAnEmptyNode() throws Exception {
        try (ElasticsearchProfiles profiles = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            assertThat(profiles.readModel().awaitsRebuild()).isFalse();
            assertThat(aliasTargets()).containsExactly(alias + "-v" + ElasticsearchProfileReadModel.VERSION);
        }
    }

    @Test
    void deletesWhatARebuildThatWasNotFinishedLeftBesideTheServedIndex() throws Exception {
        String served = alias + "-v" + ElasticsearchProfileReadModel.VERSION;
        try (ElasticsearchProfiles profiles = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            profiles.readModel().saveAll(List.of(view("p-1")));
        }
        // A rebuild interrupted before its swap: a fresh index of the current version that the alias does not name.
        String leftover = served + "-20250301-120000-000";
        request("PUT", "/" + leftover, null);

        try (ElasticsearchProfiles again = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            assertThat(request("HEAD", "/" + leftover, null).statusCode()).isEqualTo(404);
            assertThat(aliasTargets()).containsExactly(served);
            assertThat(again.readModel().findById("p-1")).isPresent();
        }
    }

    private static ProfileView view(String id) {
        SourceRecord record = SourceRecord.contact(new SourceRecordKey("crm", "1"), "Anna", "Schmidt",
                new EmailAddress("anna@example.de"));
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        ProfileContent content = ProfileContent.of(List.of(record), ProfileRules.DEFAULT, now);
        return new ProfileView(id, "Anna Schmidt", List.of("anna@example.de"), List.of(), List.of(), List.of(),
                List.of(), List.of(), content.golden(), content.purchases(), content.cx(), null, List.of(), List.of(), List.of(), now);
    }

    private List<String> aliasTargets() throws Exception {
        JsonNode aliases = json.readTree(request("GET", "/_alias/" + alias, null).body());
        return iterable(aliases.fieldNames());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private HttpResponse<String> request(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (!method.equals("HEAD") && response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
