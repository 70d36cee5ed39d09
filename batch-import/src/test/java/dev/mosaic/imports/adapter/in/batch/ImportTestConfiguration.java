package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ResolutionRunLog;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.runtime.EmbeddedNeo4j;
import dev.mosaic.runtime.testing.SharedTestStores;

/** The import module on its own: a real job repository (H2 file), the real identity graph (Neo4j over Bolt). */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ImportJobRepositoryConfiguration.class)
class ImportTestConfiguration {

    /** A Neo4j of its own in {@code mosaic.test.neo4j-home}, emptied first (the import benchmark), or none. */
    record OwnNeo4j(EmbeddedNeo4j neo4j) implements AutoCloseable {

        @Override
        public void close() {
            if (neo4j != null) {
                neo4j.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    @Lazy
    OwnNeo4j ownNeo4j(@Value("${mosaic.test.neo4j-home:}") String home) throws IOException {
        if (home.isBlank()) {
            return new OwnNeo4j(null);
        }
        BenchmarkGraphs.delete(Path.of(home));
        return new OwnNeo4j(EmbeddedNeo4j.start(Path.of(home), 0));
    }

    @Bean(destroyMethod = "close")
    @Lazy // the benchmarks' discarding graph needs no Neo4j, so none is started for them
    Driver neo4jDriver(@Value("${mosaic.test.neo4j-uri:}") String neo4jUri, ObjectProvider<OwnNeo4j> ownNeo4j) {
        EmbeddedNeo4j own = neo4jUri.isBlank() ? ownNeo4j.getObject().neo4j() : null;
        URI uri = !neo4jUri.isBlank() ? URI.create(neo4jUri) : own != null ? own.boltUri() : SharedTestStores.neo4jBolt();
        return Neo4jDrivers.connect(uri, AuthTokens.none());
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
    @Lazy // read only by a deferred import's run, so the discarding graph's benchmarks start no Neo4j for it
    ResolutionRunLog resolutionRunLog(ObjectProvider<Driver> driver) {
        return Neo4jIdentityGraphs.runLog(driver.getObject());
    }

    @Bean
    ResolutionRuns resolutionRuns(IdentityGraph graph, RecordIngestion ingestion, @Lazy ResolutionRunLog runLog) {
        return new ResolutionRuns(graph, ingestion, (changed, removed) -> { }, runLog, Clock.systemUTC());
    }
}
