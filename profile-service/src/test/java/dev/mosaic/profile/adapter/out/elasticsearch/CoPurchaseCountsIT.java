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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.profile.domain.CategoryHistory;
import dev.mosaic.profile.domain.CoPurchaseExample;
import dev.mosaic.profile.domain.CoPurchaseStatistics;
import dev.mosaic.profile.domain.NextBestOffer;
import dev.mosaic.profile.domain.OfferRules;
import dev.mosaic.profile.domain.ProfileContent;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.PurchaseSummary;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * The co-purchase counts of a real Elasticsearch node, by aggregation over the profile index, agree with the numbers
 * worked out by hand for the twelve customers of {@link CoPurchaseExample}; under an alias of its own, so N is
 * exactly theirs.
 */
class CoPurchaseCountsIT {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final URI elasticsearch = SharedTestStores.elasticsearch();
    private final String alias = "copurchase-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void countsCustomersPerCategoryAndSequenceAndOffersInkToTheNewPrinterBuyer() throws Exception {
        try (ElasticsearchProfiles profiles = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            List<ProfileView> views = new ArrayList<>();
            CoPurchaseExample.customers().forEach((name, records) -> views.add(view(name, records)));
            profiles.readModel().saveAll(views);
            refresh();

            CoPurchaseStatistics counted = profiles.coPurchaseCounts(Clock.fixed(NOW, ZoneOffset.UTC)).count(1);

            assertThat(counted.customers()).isEqualTo(11);
            assertThat(counted.customersByCategory()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "printers", 7L, "ink", 4L, "laptops", 4L, "mouse", 3L, "paper", 1L, "coffee", 1L));
            assertThat(counted.customersBySequence()).isEqualTo(CoPurchaseStatistics.of(
                    views.stream().map(ProfileView::categoryHistory).toList(), NOW).customersBySequence());
            assertThat(counted.customersBySequence()).containsEntry(
                    new CategoryHistory.Sequence("printers", "ink"), 3L).hasSize(5);
            assertThat(counted.computedAt()).isEqualTo(NOW);

            ProfileView c4 = profiles.readModel().findById("c4").orElseThrow();
            assertThat(c4.categoryHistory().bought()).containsExactly("printers");
            assertThat(counted.offersFor(c4.categoryHistory(), OfferRules.DEFAULT)).containsExactly(
                    new NextBestOffer("ink", "printers", 3, 7, 4, 11, 0.2727, 0.4286, 1.1786));

            CoPurchaseStatistics frequentOnly = profiles.coPurchaseCounts(Clock.fixed(NOW, ZoneOffset.UTC)).count(3);
            assertThat(frequentOnly.customersBySequence()).as("sequences of fewer than 3 customers are left out")
                    .containsOnlyKeys(new CategoryHistory.Sequence("printers", "ink"),
                            new CategoryHistory.Sequence("laptops", "mouse"));
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

    private static ProfileView view(String id, List<SourceRecord> records) {
        ProfileContent content = ProfileContent.of(records, ProfileRules.DEFAULT, NOW);
        return new ProfileView(id, id, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                content.golden(), content.purchases(), content.cx(), CategoryHistory.of(PurchaseSummary.lines(records)),
                List.of(), List.of(), List.of(), NOW);
    }
}
