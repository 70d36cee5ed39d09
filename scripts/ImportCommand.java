import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ./mosaic import --type TYPE [--mapping NAME] [--deferred] FILE: sends a file to a running Mosaic as the request
 * body (streamed, no size limit), shows a live progress bar with the rows, rows/s and ETA the server reports, and
 * prints the quarantined rows (file, line, reason, the row as it was). ./mosaic import --quarantine IMPORT_ID prints
 * every quarantined row of an import. Run by the JDK as a single source file, so it needs nothing but a JDK.
 */
public class ImportCommand {

    /** Quarantined rows printed after an import; --quarantine prints them all. */
    static final int SHOWN_AFTER_IMPORT = 50;
    private static final int PAGE = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String key;
    private final PrintStream out;

    ImportCommand(String url, String key, PrintStream out) {
        this.url = url;
        this.key = key;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String type = null;
        String mapping = null;
        String quarantineOf = null;
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
                case "--quarantine" -> quarantineOf = args[++i];
                default -> file = args[i];
            }
        }
        String key = System.getenv("MOSAIC_API_KEY");
        if ((quarantineOf == null && (type == null || file == null)) || key == null || key.isBlank()) {
            System.err.println("Usage: MOSAIC_API_KEY=... ./mosaic import --type customers|purchases|tickets|"
                    + "campaign_responses|social_interactions [--mapping NAME] [--deferred] [--url " + url + "] FILE\n"
                    + "       MOSAIC_API_KEY=... ./mosaic import --quarantine IMPORT_ID [--url " + url + "]\n"
                    + "  --deferred    store the rows first and resolve them all in one full run at the end (bulk loads)\n"
                    + "  --quarantine  print every quarantined row of an import");
            System.exit(2);
        }
        ImportCommand command = new ImportCommand(url, key, System.out);
        try {
            System.exit(quarantineOf != null ? command.printQuarantine(quarantineOf)
                    : command.importFile(type, mapping, deferred, Path.of(file)));
        } catch (IOException e) {
            System.err.println("Mosaic does not answer at " + url + " (" + e.getMessage() + "); start it with ./mosaic start");
            System.exit(1);
        }
    }

    int importFile(String type, String mapping, boolean deferred, Path path) throws IOException, InterruptedException {
        if (!Files.isRegularFile(path)) {
            System.err.println(path + ": no such file");
            return 2;
        }
        String query = "type=" + encode(type) + (mapping == null ? "" : "&mapping=" + encode(mapping))
                + (deferred ? "&resolution=deferred" : "");
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/imports?" + query))
                .header("X-API-Key", key).header("Content-Type", "application/octet-stream")
                .header("X-File-Name", path.getFileName().toString())
                .POST(HttpRequest.BodyPublishers.ofFile(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            Object detail = accepted.body().isBlank() ? null : field(Json.parse(accepted.body()), "detail");
            System.err.println(path.getFileName() + " was not imported (" + accepted.statusCode() + "): "
                    + (detail == null ? accepted.body() : detail));
            return 1;
        }
        String importId = String.valueOf(field(Json.parse(accepted.body()), "importId"));
        out.println("Import " + importId + " of " + path.getFileName() + " (" + type + ") started");

        Map<String, Object> status;
        while (true) {
            status = object(get("/api/v1/imports/" + importId));
            String state = String.valueOf(status.get("status"));
            out.print("\r" + progressLine(status));
            out.flush();
            if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                break;
            }
            Thread.sleep(500);
        }
        out.println();
        Map<String, Object> counts = object(status.get("counts"));
        out.printf(Locale.ROOT, "%s: %d read, %d imported, %d updated, %d unchanged, %d quarantined%n",
                status.get("status"), number(counts, "read"), number(counts, "imported"), number(counts, "updated"),
                number(counts, "unchanged"), number(counts, "quarantined"));
        if (status.get("failure") != null) {
            out.println("Failure: " + status.get("failure"));
        }
        if (number(counts, "quarantined") > 0) {
            Map<String, Object> page = object(get("/api/v1/imports/" + importId + "/quarantine?page=0&size="
                    + SHOWN_AFTER_IMPORT));
            out.println("Quarantined rows:");
            List<Object> rows = list(page.get("rows"));
            rows.forEach(row -> out.print(quarantinedRow(object(row))));
            long more = number(page, "total") - rows.size();
            if (more > 0) {
                out.println("... and " + more + " more; list them all with: ./mosaic import --quarantine " + importId
                        + " (or GET " + url + "/api/v1/imports/" + importId + "/quarantine?page=0&size=" + PAGE + ")");
            }
        }
        return "COMPLETED".equals(status.get("status")) ? 0 : 1;
    }

    int printQuarantine(String importId) throws IOException, InterruptedException {
        long printed = 0;
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = send("/api/v1/imports/" + encode(importId) + "/quarantine?page=" + page
                    + "&size=" + PAGE);
            if (answer.statusCode() != 200) {
                System.err.println("No quarantine of import " + importId + " (" + answer.statusCode() + ")");
                return 1;
            }
            Map<String, Object> found = object(Json.parse(answer.body()));
            List<Object> rows = list(found.get("rows"));
            rows.forEach(row -> out.print(quarantinedRow(object(row))));
            printed += rows.size();
            if (rows.isEmpty() || printed >= number(found, "total")) {
                out.println(printed + " quarantined row(s) of import " + importId);
                return 0;
            }
        }
    }

    /** The bar, the rows read and, as the server measures them, rows per second and the time left. */
    static String progressLine(Map<String, Object> status) {
        Map<String, Object> counts = object(status.get("counts"));
        long read = number(counts, "read");
        long expected = number(status, "expectedRows");
        Object rowsPerSecond = status.get("rowsPerSecond");
        Object eta = status.get("etaSeconds");
        String rate = rowsPerSecond == null ? "? rows/s"
                : String.format(Locale.ROOT, "%,.0f rows/s", ((Number) rowsPerSecond).doubleValue());
        String state = String.valueOf(status.get("status"));
        String suffix = state.equals("QUEUED") ? "  queued behind running imports"
                : Boolean.TRUE.equals(status.get("resolving")) ? "  resolving all records…" : "";
        if (expected <= 0) {
            return String.format(Locale.ROOT, "%,d rows  %s%s   ", read, rate, suffix);
        }
        double share = state.equals("COMPLETED") ? 1.0 : Math.min(1.0, (double) read / expected);
        int width = 30;
        int filled = (int) Math.round(share * width);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d rows  %s  ETA %s%s   ",
                "#".repeat(filled), "-".repeat(width - filled), share * 100, read, Math.max(read, expected), rate,
                eta == null ? "?" : clock(((Number) eta).longValue()), suffix);
    }

    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** File, line and reason, then the row as it was, indented (a row may span lines). */
    static String quarantinedRow(Map<String, Object> row) {
        String raw = row.get("rawRow") == null ? "(not kept)" : String.valueOf(row.get("rawRow"));
        return "  " + row.get("file") + ", line " + number(row, "row") + ": " + row.get("reason") + "\n"
                + "      " + raw.replace("\n", "\n      ") + "\n";
    }

    private Object get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(path);
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.parse(answer.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("X-API-Key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Object field(Object json, String name) {
        return json instanceof Map<?, ?> map ? map.get(name) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return json instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static long number(Map<String, Object> json, String name) {
        return json.get(name) instanceof Number number ? number.longValue() : 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Just enough JSON for Mosaic's answers: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("text after the JSON value");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("the JSON ends early");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':');
                object.put(name, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return array;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder string = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return string.toString();
                }
                if (c != '\\') {
                    string.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> string.append('\n');
                    case 'r' -> string.append('\r');
                    case 't' -> string.append('\t');
                    case 'b' -> string.append('\b');
                    case 'f' -> string.append('\f');
                    case 'u' -> {
                        string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> string.append(escaped);
                }
            }
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw error("unexpected character");
            }
            return number.contains(".") || number.contains("e") || number.contains("E")
                    ? (Number) Double.parseDouble(number) : (Number) Long.parseLong(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected word");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("not JSON from Mosaic (" + problem + " at " + at + ")");
        }
    }
}
