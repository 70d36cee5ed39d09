package dev.mosaic.imports.adapter.in.batch;

import java.net.URI;
import java.time.Clock;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.runtime.testing.SharedTestStores;

/** The import module on its own: a real job repository (H2 file), the real identity graph (Neo4j over Bolt). */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ImportJobRepositoryConfiguration.class)
class ImportTestConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy // the benchmarks' discarding graph needs no Neo4j, so none is started for them
    Driver neo4jDriver(@Value("${mosaic.test.neo4j-uri:}") String neo4jUri) {
        return GraphDatabase.driver(neo4jUri.isBlank() ? SharedTestStores.neo4jBolt() : URI.create(neo4jUri),
                AuthTokens.none());
    }

    @Bean
    IdentityGraph identityGraph(ObjectProvider<Driver> driver,
                                @Value("${mosaic.bench.discard-graph:false}") boolean discardGraph) {
        return discardGraph ? new DiscardingIdentityGraph() : Neo4jIdentityGraphs.open(driver.getObject());
    }

    @Bean
    ChunkGate chunkGate() {
        return new ChunkGate();
    }

    @Bean
    RecordIngestion recordIngestion(IdentityGraph graph, ChunkGate gate) {
        return new RecordIngestion(graph, (changed, removed) -> gate.pass());
    }

    @Bean
    ResolutionEngine.Settings resolutionSettings() {
        return ResolutionEngine.Settings.defaults();
    }

    @Bean
    ResolutionRuns resolutionRuns(IdentityGraph graph, RecordIngestion ingestion) {
        return new ResolutionRuns(graph, ingestion, (changed, removed) -> { }, Clock.systemUTC());
    }
}
