package dev.mosaic.identity.adapter.out.neo4j;

import org.neo4j.driver.Driver;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ResolutionRunLog;

/** Opens the identity graph on a Neo4j reached through the Bolt driver. */
public final class Neo4jIdentityGraphs {

    private Neo4jIdentityGraphs() {
    }

    /** Ensures the graph's constraints exist and returns the graph. */
    public static IdentityGraph open(Driver driver) {
        Neo4jIdentityGraph graph = new Neo4jIdentityGraph(driver);
        graph.createConstraints();
        return graph;
    }

    /** Ensures the run log's constraint exists and returns the log of resolution runs kept with the graph. */
    public static ResolutionRunLog runLog(Driver driver) {
        Neo4jResolutionRunLog log = new Neo4jResolutionRunLog(driver);
        log.createConstraints();
        return log;
    }
}
