package dev.mosaic.identity.application;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.runtime.testing.SharedTestStores;

/** Each test starts from an empty identity graph in the test JVM's real Neo4j. */
abstract class EmptyGraphTest {

    protected static Driver driver;
    protected IdentityGraph graph;

    @BeforeAll
    static void connect() {
        driver = Neo4jDrivers.connect(SharedTestStores.neo4jBolt(), AuthTokens.none());
    }

    @AfterAll
    static void disconnect() {
        driver.close();
    }

    @BeforeEach
    void emptyGraph() {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
        graph = Neo4jIdentityGraphs.open(driver);
    }
}
