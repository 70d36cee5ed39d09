package dev.mosaic.profile.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Mosaic keeps its data and finds its stores. Blank URLs mean "start the store locally".
 *
 * @param dataDir the data folder of the local stores, uploads and the job repository
 * @param neo4jUri an external Neo4j (MOSAIC_NEO4J_URI), e.g. neo4j://graph:7687
 * @param elasticsearchUrl an external Elasticsearch (MOSAIC_ELASTICSEARCH_URL), e.g. http://search:9200
 */
@ConfigurationProperties("mosaic")
public record MosaicStoreProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String neo4jUri,
        @DefaultValue("") String elasticsearchUrl,
        @DefaultValue("0") int localNeo4jBoltPort,
        @DefaultValue("0") int localElasticsearchHttpPort,
        @DefaultValue("512m") String localElasticsearchHeap,
        Path localElasticsearchDistribution) {
}
