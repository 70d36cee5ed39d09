import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ./mosaic import --type TYPE [--mapping NAME] [--deferred] FILE: sends a file to a running Mosaic, shows a live progress bar
 * (rows, rows/s, ETA) and prints the quarantined rows with their reasons. Run by the JDK as a single source file.
 */
public class ImportCommand {

    public static void main(String[] args) throws Exception {
        String type = null;
        String mapping = null;
        boolean deferred = false;
        String file = null;
        String url = System.getenv().getOrDefault("MOSAIC_URL",
                "http://localhost:" + System.getenv().getOrDefault("SERVER_PORT", "8080"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--type" -> type = args[++i];
                case "--mapping" -> mapping = args[++i];
                case "--deferred" -> deferred = true;
                case "--url" -> url = args[++i];
                default -> file = args[i];
            }
        }
        String key = System.getenv("MOSAIC_API_KEY");
        if (type == null || file == null || key == null || key.isBlank()) {
            System.err.println("Usage: MOSAIC_API_KEY=... ./mosaic import --type customers|purchases|tickets|"
                    + "campaign_responses|social_interactions [--mapping NAME] [--deferred] [--url " + url + "] FILE\n"
                    + "  --deferred  store the rows first and resolve them all in one full run at the end (bulk loads)");
            System.exit(2);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println(file + ": no such file");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String query = "type=" + encode(type) + (mapping == null ? "" : "&mapping=" + encode(mapping))
                + (deferred ? "&resolution=deferred" : "");
        HttpResponse<String> accepted;
        try {
            accepted = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/imports?" + query))
                    .header("X-API-Key", key).header("Content-Type", "application/octet-stream")
                    .header("X-File-Name", path.getFileName().toString())
                    .POST(HttpRequest.BodyPublishers.ofFile(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("Mosaic does not answer at " + url + " (" + e.getMessage() + "); start it with ./mosaic start");
            System.exit(1);
            return;
        }
        if (accepted.statusCode() != 202) {
            System.err.println(path.getFileName() + " was not imported (" + accepted.statusCode() + "): "
                    + field(accepted.body(), "detail", accepted.body()));
            System.exit(1);
        }
        String importId = field(accepted.body(), "importId", "?");
        System.out.println("Import " + importId + " of " + path.getFileName() + " (" + type + ") started");

        long startedAt = System.nanoTime();
        String status;
        String body;
        while (true) {
            body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/imports/" + importId))
                    .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            status = field(body, "status", "?");
            long read = number(body, "read");
            long expected = number(body, "expectedRows");
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            System.out.print("\r" + bar(read, expected, seconds)
                    + (body.contains("\"resolving\":true") ? " resolving all records…" : ""));
            System.out.flush();
            if (!status.equals("RUNNING") && !status.equals("QUEUED")) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%s: %d read, %d imported, %d updated, %d unchanged, %d quarantined%n", status,
                number(body, "read"), number(body, "imported"), number(body, "updated"), number(body, "unchanged"),
                number(body, "quarantined"));
        String failure = field(body, "failure", null);
        if (failure != null) {
            System.out.println("Failure: " + failure);
        }
        if (number(body, "quarantined") > 0) {
            String rows = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/imports/" + importId + "/quarantine"))
                    .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("Quarantined rows:");
            Matcher row = Pattern.compile("\"row\":(-?\\d+),\"rawRow\":(null|\"(?:[^\"\\\\]|\\\\.)*\"),\"reason\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(rows);
            int shown = 0;
            while (row.find() && shown++ < 50) {
                System.out.println("  line " + row.group(1) + ": " + unescape(row.group(3)));
            }
        }
        System.exit(status.equals("COMPLETED") ? 0 : 1);
    }

    private static String bar(long read, long expected, double seconds) {
        double rate = seconds > 0 ? read / seconds : 0;
        if (expected <= 0) {
            return String.format(Locale.ROOT, "%,d rows  %,.0f rows/s", read, rate);
        }
        double share = Math.min(1.0, (double) read / expected);
        int width = 30;
        int filled = (int) Math.round(share * width);
        long remaining = rate > 0 ? Math.round((expected - read) / rate) : -1;
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d rows  %,.0f rows/s  ETA %s   ",
                "#".repeat(filled), "-".repeat(width - filled), share * 100, read, expected, rate,
                remaining < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", remaining / 60, remaining % 60));
    }

    private static String field(String json, String name, String fallback) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return matcher.find() ? unescape(matcher.group(1)) : fallback;
    }

    private static long number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
