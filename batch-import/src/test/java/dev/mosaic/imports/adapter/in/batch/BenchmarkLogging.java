package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * What the benchmarks that run without Spring Boot share: its logging level, the machine's load beside each figure, and
 * the median they report.
 */
final class BenchmarkLogging {

    private BenchmarkLogging() {
    }

    /**
     * Logging at INFO, as Spring Boot sets it: without a configuration Logback logs everything at DEBUG, and the Bolt
     * driver would then format every message it sends, parameters included.
     */
    static void quiet() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }

    static double median(java.util.List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The load averages over 1, 5 and 15 minutes, as printed beside every result. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }
}
