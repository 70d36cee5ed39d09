package dev.mosaic.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node run as a child process from the distribution zip that Maven Central serves. It binds to
 * loopback only, keeps its data under the given work directory and is stopped with the Mosaic process.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    /** Elasticsearch refuses to run as root; this is the conventional unprivileged "nobody". */
    private static final int UNPRIVILEGED_UID = 65534;
    private static final long MIN_FREE_BYTES_TO_UNPACK = 400L * 1024 * 1024;
    private static final String UNPACKED_MARKER = ".mosaic-unpacked";

    private final Process process;
    private final Path pidFile;
    private final URI httpUri;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private ElasticsearchNode(Process process, Path pidFile, URI httpUri) {
        this.process = process;
        this.pidFile = pidFile;
        this.httpUri = httpUri;
        // A safety net for a JVM that exits without closing the Spring context (e.g. System.exit in a test).
        this.shutdownHook = new Thread(this::close, "elasticsearch-node-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public record Settings(Path distributionZip, Path workDirectory, int httpPort, String heapSize,
                           Duration startupTimeout) {

        public Settings {
            if (heapSize == null || heapSize.isBlank()) {
                heapSize = "512m";
            }
            if (startupTimeout == null) {
                startupTimeout = Duration.ofSeconds(120);
            }
        }
    }

    public static ElasticsearchNode start(Settings settings) {
        Path zip = settings.distributionZip();
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new LocalRuntimeException("The Elasticsearch distribution zip was not found at " + zip
                    + ". Build Mosaic with ./mvnw (it downloads org.elasticsearch.distribution.integ-test-zip:"
                    + "elasticsearch from Maven Central) or set mosaic.local.elasticsearch.distribution.");
        }
        boolean root = isRoot();
        Path work = root ? reachableByUnprivilegedUser(settings.workDirectory()) : settings.workDirectory();
        try {
            Files.createDirectories(work);
            Path pidFile = work.resolve("elasticsearch.pid");
            stopLeftoverNode(pidFile);
            Path home = unpack(zip, work.resolve("dist"));
            Path data = Files.createDirectories(work.resolve("data"));
            Path logs = Files.createDirectories(work.resolve("logs"));
            Path tmp = Files.createDirectories(work.resolve("tmp"));
            if (root) {
                giveToUnprivilegedUser(work);
            }
            int httpPort = LoopbackPorts.resolve(settings.httpPort());
            int transportPort = LoopbackPorts.freePort();

            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID, "--regid=" + UNPRIVILEGED_UID,
                        "--clear-groups", "--"));
            }
            command.add(home.resolve("bin/elasticsearch").toString());
            command.addAll(List.of(
                    "-E", "cluster.name=mosaic-local",
                    "-E", "node.name=mosaic-local",
                    "-E", "discovery.type=single-node",
                    "-E", "xpack.security.enabled=false",
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + httpPort,
                    "-E", "transport.port=" + transportPort,
                    "-E", "path.data=" + data,
                    "-E", "path.logs=" + logs,
                    // A developer machine with little free disk must still be able to write (read-only otherwise).
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                    "-E", "action.destructive_requires_name=true",
                    "-p", pidFile.toString()));

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_JAVA_OPTS", "-Xms" + settings.heapSize() + " -Xmx" + settings.heapSize());
            env.put("ES_TMPDIR", tmp.toString());
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("JAVA_HOME");

            long started = System.nanoTime();
            log.info("Starting Elasticsearch {} on 127.0.0.1:{} with data in {}{}", home.getFileName(), httpPort, data,
                    root ? " as uid " + UNPRIVILEGED_UID : "");
            Process process = builder.start();
            URI uri = URI.create("http://127.0.0.1:" + httpPort);
            ElasticsearchNode node = new ElasticsearchNode(process, pidFile, uri);
            try {
                node.awaitReady(settings.startupTimeout(), logs.resolve("console.log"));
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            log.info("Elasticsearch is up at {} ({} ms)", uri, (System.nanoTime() - started) / 1_000_000);
            return node;
        } catch (IOException e) {
            throw new LocalRuntimeException("Elasticsearch could not be prepared in " + work + ": " + e.getMessage()
                    + (isDiskFull(work) ? " (the disk is full)" : ""), e);
        }
    }

    public URI httpUri() {
        return httpUri;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
        log.info("Stopping Elasticsearch at {}", httpUri);
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the node removes its own pid file on a clean stop
        }
    }

    private void awaitReady(Duration timeout, Path consoleLog) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(httpUri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalRuntimeException("Elasticsearch stopped while starting (exit code " + process.exitValue()
                        + "). Its last output, from " + consoleLog + ":\n" + tail(consoleLog, 25));
            }
            try {
                HttpResponse<Void> response = client.send(health, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalRuntimeException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        throw new LocalRuntimeException("Elasticsearch did not become ready within " + timeout.toSeconds()
                + " s. Its last output, from " + consoleLog + ":\n" + tail(consoleLog, 25));
    }

    /** Unpacks the zip once per version; returns the node's home directory. */
    private static Path unpack(Path zip, Path distDirectory) throws IOException {
        String version = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path home = distDirectory.resolve(version);
        if (Files.exists(home.resolve(UNPACKED_MARKER))) {
            return home;
        }
        Files.createDirectories(distDirectory);
        if (Files.getFileStore(distDirectory).getUsableSpace() < MIN_FREE_BYTES_TO_UNPACK) {
            throw new LocalRuntimeException("Not enough free disk space to unpack Elasticsearch into " + distDirectory
                    + " (needs about 400 MB); free some space or move the data folder (mosaic.data-dir)");
        }
        Path staging = Files.createTempDirectory(distDirectory, "unpacking-");
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Unsafe entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path unpackedHome;
        try (Stream<Path> top = Files.list(staging)) {
            unpackedHome = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("No top-level folder in " + zip));
        }
        // java.util.zip does not carry Unix permissions: the launch scripts and tools need the executable bit.
        for (String executables : List.of("bin", "jdk/bin", "lib/platform")) {
            Path folder = unpackedHome.resolve(executables);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                        permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                        Files.setPosixFilePermissions(file, permissions);
                    }
                }
            }
        }
        deleteRecursively(home);
        Files.move(unpackedHome, home);
        deleteRecursively(staging);
        Files.writeString(home.resolve(UNPACKED_MARKER), zip.toString());
        return home;
    }

    /** A node left behind by a Mosaic that was killed (kill -9) would hold the data folder's lock. */
    private static void stopLeftoverNode(Path pidFile) {
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains("elasticsearch")).orElse(false))
                .ifPresent(leftover -> {
                    log.warn("Stopping an Elasticsearch node (pid {}) left behind by an earlier run", leftover.pid());
                    leftover.destroy();
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (leftover.isAlive() && System.nanoTime() < deadline) {
                        sleep(100);
                    }
                    if (leftover.isAlive()) {
                        leftover.destroyForcibly();
                    }
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The unprivileged user must be able to walk down to its folders. A data folder below, say, a root home
     * directory (mode 700) is not reachable, so the node then lives in a folder of its own under /var/tmp.
     */
    private static Path reachableByUnprivilegedUser(Path requested) {
        Path absolute = requested.toAbsolutePath().normalize();
        for (Path ancestor = absolute.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !othersMayEnter(ancestor)) {
                String key = HexFormat.of().toHexDigits(absolute.toString().hashCode());
                Path fallback = Path.of("/var/tmp/mosaic-elasticsearch-" + key);
                log.info("{} is not reachable by uid {} (Elasticsearch refuses to run as root); using {} instead",
                        absolute, UNPRIVILEGED_UID, fallback);
                return fallback;
            }
        }
        return absolute;
    }

    private static boolean othersMayEnter(Path directory) {
        try {
            return Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    private static void giveToUnprivilegedUser(Path work) throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", UNPRIVILEGED_UID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", UNPRIVILEGED_UID, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static boolean isDiskFull(Path path) {
        try {
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < 16L * 1024 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
