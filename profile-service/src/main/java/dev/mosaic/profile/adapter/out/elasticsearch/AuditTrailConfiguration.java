package dev.mosaic.profile.adapter.out.elasticsearch;

import java.time.Duration;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.mosaic.profile.domain.AuditTrail;
import dev.mosaic.profile.runtime.MosaicStoreProperties;
import dev.mosaic.profile.runtime.StoreEndpoints;

@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

    @Bean(destroyMethod = "close")
    RestClient auditRestClient(StoreEndpoints endpoints) {
        return RestClient.builder(HttpHost.create(endpoints.elasticsearch().toString())).build();
    }

    /**
     * The index is named after the profile alias, so Mosaics sharing an Elasticsearch keep their trails apart. The
     * journal lives in the data folder (docs/security.md: what the trail guarantees).
     */
    @Bean(destroyMethod = "close")
    ElasticsearchAuditTrail auditTrail(RestClient auditRestClient, MosaicStoreProperties properties,
                          @Value("${mosaic.elasticsearch-profile-alias:profiles}") String alias,
                          @Value("${mosaic.audit.sync:true}") boolean sync,
                          @Value("${mosaic.audit.ship-interval:200ms}") Duration shipInterval) {
        ObjectMapper objectMapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        AuditJournal journal = new AuditJournal(properties.dataDir().resolve("audit-journal"), sync);
        ElasticsearchAuditTrail trail = new ElasticsearchAuditTrail(new ElasticsearchClient(
                new RestClientTransport(auditRestClient, new JacksonJsonpMapper(objectMapper))), alias + "-audit",
                journal, shipInterval);
        trail.prepareIndex();
        trail.startShipping();
        return trail;
    }
}
