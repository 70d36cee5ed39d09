package dev.mosaic.profile.adapter.out.neo4j;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ResolutionRunLog;
import dev.mosaic.profile.domain.ProjectionSchedule;
import dev.mosaic.profile.domain.segment.Segments;
import dev.mosaic.profile.runtime.StoreEndpoints;

/** The Bolt driver to the identity graph, local or external alike. */
@Configuration(proxyBeanMethods = false)
class IdentityGraphConfiguration {

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(StoreEndpoints endpoints,
                       @Value("${mosaic.neo4j-username:}") String username,
                       @Value("${mosaic.neo4j-password:}") String password) {
        AuthToken auth = username.isBlank() ? AuthTokens.none() : AuthTokens.basic(username, password);
        Driver driver = Neo4jDrivers.connect(endpoints.neo4j(), auth);
        driver.verifyConnectivity();
        return driver;
    }

    @Bean
    IdentityGraph identityGraph(Driver driver) {
        return Neo4jIdentityGraphs.open(driver);
    }

    @Bean
    ResolutionRunLog resolutionRunLog(Driver driver) {
        return Neo4jIdentityGraphs.runLog(driver);
    }

    @Bean
    Segments segments(Driver driver) {
        return new Neo4jSegments(driver);
    }

    /** One schedule per read model: the profile alias names it, as it names the read model's indices. */
    @Bean
    ProjectionSchedule projectionSchedule(Driver driver,
                                          @Value("${mosaic.elasticsearch-profile-alias:profiles}") String alias) {
        return new Neo4jProjectionSchedule(driver, alias);
    }
}
