package dev.mosaic.identity.adapter.out.neo4j;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/** Opens the Bolt driver to the identity graph, local or external alike. */
public final class Neo4jDrivers {

    private Neo4jDrivers() {
    }

    /**
     * A driver that logs through SLF4J, so the application's logging settings apply. The driver's default logging
     * (System.Logger) formats every Bolt message it sends, parameters included, into a string before asking whether
     * debug logging is on: with a chunk of 500 records as parameters that was a tenth of an import's CPU time.
     */
    public static Driver connect(URI uri, AuthToken auth) {
        return GraphDatabase.driver(uri, auth, Config.builder().withLogging(Logging.slf4j()).build());
    }
}
