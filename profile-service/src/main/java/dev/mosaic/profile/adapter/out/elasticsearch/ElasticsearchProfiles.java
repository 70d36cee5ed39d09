package dev.mosaic.profile.adapter.out.elasticsearch;

import java.net.URI;
import java.time.Clock;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.dashboard.CxDashboard;

/**
 * Connects to Elasticsearch with the 8.19 Java client. Built here rather than by Spring Boot, whose auto-configuration
 * targets the 9.x client that an 8.19 server does not answer.
 */
public final class ElasticsearchProfiles implements AutoCloseable {

    private final RestClient restClient;
    private final ElasticsearchClient client;
    private final String alias;
    private final ElasticsearchProfileReadModel readModel;

    private ElasticsearchProfiles(RestClient restClient, ElasticsearchClient client, String alias,
                                  ElasticsearchProfileReadModel readModel) {
        this.restClient = restClient;
        this.client = client;
        this.alias = alias;
        this.readModel = readModel;
    }

    public static ElasticsearchProfiles connect(URI url) {
        return connect(url, ElasticsearchProfileReadModel.ALIAS);
    }

    public static ElasticsearchProfiles connect(URI url, String alias) {
        RestClient restClient = RestClient.builder(HttpHost.create(url.toString())).build();
        ObjectMapper objectMapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ElasticsearchClient client = new ElasticsearchClient(new TranslatedErrors(
                new RestClientTransport(restClient, new JacksonJsonpMapper(objectMapper))));
        ElasticsearchProfileReadModel readModel = new ElasticsearchProfileReadModel(client, alias);
        readModel.prepareIndex();
        return new ElasticsearchProfiles(restClient, client, alias, readModel);
    }

    ElasticsearchProfileReadModel elasticsearchReadModel() {
        return readModel;
    }

    public ProfileReadModel readModel() {
        return readModel;
    }

    /** @param clock the time recency windows ("within 90 days") count back from */
    public ProfileSearch search(Clock clock) {
        return new ElasticsearchProfileSearch(client, alias, clock);
    }

    /** @param clock the time the statistics are stamped with */
    public CoPurchaseCounts coPurchaseCounts(Clock clock) {
        return new ElasticsearchCoPurchaseCounts(client, alias, clock);
    }

    public CxDashboard cxDashboard() {
        return new ElasticsearchCxDashboard(client, alias);
    }

    @Override
    public void close() throws Exception {
        restClient.close();
    }
}
