package dev.mosaic.profile.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mosaic.runtime.ElasticsearchNode;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * Starts the stores that are not configured as external services, with their data under the data folder, and stops
 * them with Mosaic. A store given by URL (MOSAIC_NEO4J_URI, MOSAIC_ELASTICSEARCH_URL) is used as it is.
 */
final class LocalStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStores.class);

    private final EmbeddedNeo4j neo4j;
    private final ElasticsearchNode elasticsearch;
    private final StoreEndpoints endpoints;

    private LocalStores(EmbeddedNeo4j neo4j, ElasticsearchNode elasticsearch, StoreEndpoints endpoints) {
        this.neo4j = neo4j;
        this.elasticsearch = elasticsearch;
        this.endpoints = endpoints;
    }

    static LocalStores start(MosaicStoreProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedNeo4j neo4j = null;
        ElasticsearchNode elasticsearch = null;
        try {
            URI neo4jUri;
            if (properties.neo4jUri().isBlank()) {
                neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), properties.localNeo4jBoltPort());
                neo4jUri = neo4j.boltUri();
            } else {
                neo4jUri = URI.create(properties.neo4jUri());
                log.info("Using the external Neo4j at {}", neo4jUri);
            }
            URI elasticsearchUri;
            if (properties.elasticsearchUrl().isBlank()) {
                elasticsearch = ElasticsearchNode.start(new ElasticsearchNode.Settings(
                        properties.localElasticsearchDistribution(), dataDir.resolve("elasticsearch"),
                        properties.localElasticsearchHttpPort(), properties.localElasticsearchHeap(),
                        Duration.ofSeconds(120)));
                elasticsearchUri = elasticsearch.httpUri();
            } else {
                elasticsearchUri = URI.create(properties.elasticsearchUrl());
                log.info("Using the external Elasticsearch at {}", elasticsearchUri);
            }
            return new LocalStores(neo4j, elasticsearch, new StoreEndpoints(neo4jUri, elasticsearchUri));
        } catch (RuntimeException e) {
            if (elasticsearch != null) {
                elasticsearch.close();
            }
            if (neo4j != null) {
                neo4j.close();
            }
            throw e;
        }
    }

    StoreEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }
}
