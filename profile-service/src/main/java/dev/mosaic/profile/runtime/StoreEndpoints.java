package dev.mosaic.profile.runtime;

import java.net.URI;

/** Where the identity graph (Bolt) and the profile index (HTTP) are reached, whether local or external. */
public record StoreEndpoints(URI neo4j, URI elasticsearch) {
}
