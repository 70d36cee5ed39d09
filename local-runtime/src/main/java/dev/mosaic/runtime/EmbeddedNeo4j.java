package dev.mosaic.runtime;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j running inside the Mosaic process with its Bolt connector on loopback. The application still talks to it
 * only through the Bolt driver, so an external Neo4j is a configuration change.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    /** Page cache unless {@code MOSAIC_LOCAL_NEO4J_PAGE_CACHE} (or {@code -Dmosaic.local.neo4j.page-cache}) says otherwise. */
    static final String DEFAULT_PAGE_CACHE = "256m";

    private final DatabaseManagementService managementService;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService managementService, URI boltUri) {
        this.managementService = managementService;
        this.boltUri = boltUri;
    }

    /**
     * Starts (or reopens) the database kept in {@code homeDirectory}.
     *
     * @param boltPort a loopback port, or 0 to pick a free one
     */
    public static EmbeddedNeo4j start(Path homeDirectory, int boltPort) {
        int port = LoopbackPorts.resolve(boltPort);
        long started = System.nanoTime();
        try {
            Files.createDirectories(homeDirectory);
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(homeDirectory)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Only loopback can reach it; an external Neo4j brings its own authentication.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                    .build();
            URI uri = URI.create("bolt://127.0.0.1:" + port);
            log.info("Embedded Neo4j started at {} with data in {} and a page cache of {} MB ({} ms)", uri, homeDirectory,
                    pageCacheBytes() >> 20, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedNeo4j(service, uri);
        } catch (LocalRuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalRuntimeException("Embedded Neo4j could not start with data in " + homeDirectory
                    + ": " + rootMessage(e) + ". If another Mosaic uses this data folder, stop it or choose another "
                    + "data folder (mosaic.data-dir).", e);
        }
    }

    /** The page cache's size: Neo4j keeps the store files' pages there; what does not fit is read again from disk. */
    static long pageCacheBytes() {
        String configured = System.getProperty("mosaic.local.neo4j.page-cache",
                System.getenv().getOrDefault("MOSAIC_LOCAL_NEO4J_PAGE_CACHE", DEFAULT_PAGE_CACHE)).strip().toLowerCase(java.util.Locale.ROOT);
        long factor = switch (configured.charAt(configured.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        String digits = factor == 1 ? configured : configured.substring(0, configured.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    public URI boltUri() {
        return boltUri;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        managementService.shutdown();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
