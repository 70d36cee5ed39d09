package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.profile.domain.ProfileContent;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.SegmentField;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * A segment larger than one export page (500) is streamed whole, each member once, and paged members and counts
 * agree; against a real Elasticsearch node, under an alias of its own.
 */
class ProfileSearchPagingIT {

    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private final URI elasticsearch = SharedTestStores.elasticsearch();
    private final String alias = "paging-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void streamsASegmentOfMoreThanOneExportPageWithEveryMemberOnce() throws Exception {
        int people = ElasticsearchProfileSearch.EXPORT_PAGE * 2 + 203;
        try (ElasticsearchProfiles profiles = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            List<ProfileView> views = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                views.add(view("p-%05d".formatted(i), i % 2 == 0 ? "Nordhafen" : "Südtal"));
            }
            profiles.readModel().saveAll(views);
            refresh();
            ProfileSearch search = profiles.search(Clock.fixed(NOW, ZoneOffset.UTC));
            Condition everyone = new Condition.OneOf(SegmentField.CITY, List.of("nordhafen", "suedtal"));

            List<String> streamed = new ArrayList<>();
            search.forEachMember(everyone, member -> streamed.add(member.profileId()));

            assertThat(streamed).hasSize(people).isSorted();
            assertThat(new HashSet<>(streamed)).hasSize(people);
            assertThat(search.count(everyone)).isEqualTo(people);
            assertThat(search.count(new Condition.Equals(SegmentField.CITY, "suedtal"))).isEqualTo(people / 2);
            ProfileSearch.ProfilePage third = search.members(everyone, 2, 100);
            assertThat(third.total()).isEqualTo(people);
            assertThat(third.hits().getFirst().profile().profileId()).isEqualTo("p-00200");

            ProfileSearch.ProfilePage byCity = search.search(SearchQuery.of("", "SÜDTAL", null, "DE"), Optional.empty(), 0, 10);
            assertThat(byCity.total()).isEqualTo(people / 2);
            Set<String> ids = new HashSet<>();
            byCity.hits().forEach(hit -> ids.add(hit.profile().profileId()));
            assertThat(ids).hasSize(10);
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "-v"
                    + ElasticsearchProfileReadModel.VERSION)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private void refresh() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(elasticsearch + "/" + alias + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static ProfileView view(String id, String city) {
        SourceRecord record = SourceRecord.contact(new SourceRecordKey("crm", id), "Pat", "Lee",
                new EmailAddress(id + "@example.de"));
        ProfileContent content = ProfileContent.of(List.of(record), ProfileRules.DEFAULT, NOW);
        return new ProfileView(id, "Pat Lee", List.of(id + "@example.de"), List.of(), List.of(), List.of(), List.of(),
                List.of(city), content.golden(), content.purchases(), content.cx(), null, List.of(), List.of(), List.of(), NOW);
    }
}
