package dev.mosaic.profile;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import dev.mosaic.datagen.GeneratorSettings;
import dev.mosaic.datagen.MessRates;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.imports.adapter.in.batch.ResolutionAccuracy;
import dev.mosaic.profile.adapter.out.elasticsearch.ElasticsearchProfiles;
import dev.mosaic.profile.adapter.out.elasticsearch.ElasticsearchRequestBodies;
import dev.mosaic.profile.application.ProfileProjection;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.PhoneKey;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.SearchKeys;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.ConditionParser;
import dev.mosaic.runtime.ElasticsearchNode;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * The profile service benchmark behind {@code ./mosaic bench profiles [PROFILES] [SECONDS]} (docs/benchmarks.md).
 *
 * <p>Fills a local Elasticsearch node with PROFILES profiles of generated people (datagen, read as the importer reads
 * them, all records of one person forming one profile) through Mosaic's own projection and read-model write path
 * ({@link ProfileProjection} into {@link ProfileReadModel#saveAll}); a filled index is reused by later runs. Then
 * starts the real service (Spring Boot, Tomcat, the API key filter chain, rate limit, audit trail) on loopback and
 * drives it with an open-loop load generator: requests are sent at a fixed rate on a timer, each on a virtual thread,
 * and latency counts from the time a request was due, so a slow answer cannot hold back the next requests and hide
 * queueing (coordinated omission). Each scenario runs against the floor as well: the same Elasticsearch query, built
 * by the same adapter code and sent with the same Java client from the same JVM at the same rate, without Mosaic's
 * HTTP layer. Warm-up, then several rounds of each; medians over the rounds are reported.
 *
 * <p>System properties: {@code mosaic.bench.rounds} (3), {@code mosaic.bench.lookup-rates} (500,1000,1500,2000: the
 * rates of the email lookups, full and summary answer; the phone lookup runs at the highest),
 * {@code mosaic.bench.search-rate} (200; the two-typo search runs at a quarter of it), {@code mosaic.bench.segment-rate}
 * (20), {@code mosaic.bench.connections} (64: the generator's connections, the most requests in flight),
 * {@code mosaic.bench.only} (lookup,summary,phone,anchor,search,typing,typos,segment), {@code mosaic.bench.service-args}
 * (further arguments of the service, e.g. {@code --mosaic.audit.sync=false}), {@code mosaic.bench.es-heap} (1g),
 * {@code mosaic.bench.dir} (target/bench-profiles), {@code mosaic.local.elasticsearch.distribution} (the node's zip).
 */
public final class ProfileServiceBenchmark {

    /** People generated (and held in memory as records) at a time. */
    private static final int CHUNK_PEOPLE = 25_000;
    /** Profiles per bulk request: the batch size of {@link ProfileProjection}. */
    private static final int BATCH = 1_000;
    private static final int SAMPLES = 10_000;
    /** The generator's "now": profiles are projected as of then, as if right after the data was written. */
    private static final Instant GENERATED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String REGION = "DE";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Marketer segments, counted through {@code POST /api/v1/segments/preview}. */
    private static final Map<String, String> SEGMENTS = segments();

    private ProfileServiceBenchmark() {
    }

    private static Map<String, String> segments() {
        Map<String, String> segments = new LinkedHashMap<>();
        segments.put("segment: Berlin, bought since 2025-10-01", """
                {"all": [{"field": "city", "eq": "Berlin"}, {"field": "purchases.lastPurchase", "after": "2025-10-01"}]}""");
        segments.put("segment: promoters or CLV >= 500, not needing attention", """
                {"all": [{"any": [{"field": "cx.nps.category", "eq": "promoter"}, {"field": "cx.clv", "gte": 500}]},
                         {"not": {"field": "cx.needsAttention", "eq": true}}]}""");
        segments.put("segment: churn risk high/medium, email opt-in, revenue >= 100", """
                {"all": [{"field": "cx.churnRisk.level", "in": ["HIGH", "MEDIUM"]}, {"field": "consent.email", "eq": true},
                         {"field": "purchases.revenue", "gte": 100}]}""");
        return segments;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // The node, Neo4j and the service would keep the JVM alive; their shutdown hooks stop them.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int profiles = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int rounds = Integer.getInteger("mosaic.bench.rounds", 3);
        List<Integer> lookupRates = rates(System.getProperty("mosaic.bench.lookup-rates", "500,1000,1500,2000"));
        int searchRate = Integer.getInteger("mosaic.bench.search-rate", 200);
        int segmentRate = Integer.getInteger("mosaic.bench.segment-rate", 20);
        int connections = Integer.getInteger("mosaic.bench.connections", 64);
        Set<String> only = Set.of(System.getProperty("mosaic.bench.only", "lookup,summary,phone,anchor,search,typing,typos,segment")
                .split(","));
        String esHeap = System.getProperty("mosaic.bench.es-heap", "1g");
        Path work = Path.of(System.getProperty("mosaic.bench.dir", "target/bench-profiles")).toAbsolutePath();
        Path zip = Path.of(System.getProperty("mosaic.local.elasticsearch.distribution", ""));

        System.out.printf(Locale.ROOT, "machine: %d cores, %s memory, JVM %s, max heap %d MB, Elasticsearch heap %s; "
                        + "load average %s%n", Runtime.getRuntime().availableProcessors(), memory(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, esHeap, loadAverage());
        ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Settings(zip, work.resolve("elasticsearch"),
                0, esHeap, Duration.ofSeconds(300)));
        long elasticsearchPid = Long.parseLong(Files.readString(work.resolve("elasticsearch/elasticsearch.pid")).strip());
        String alias = "bench-" + profiles;
        List<Sample> samples = fillOrReuse(node.httpUri(), alias, profiles, work);
        deleteIndex(node.httpUri(), alias + "-audit");

        Path neo4jHome = work.resolve("neo4j");
        deleteRecursively(neo4jHome);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(neo4jHome, 0);
        Path dataDir = work.resolve("service");
        deleteRecursively(dataDir);
        String adminKey = "bench-admin-" + UUID.randomUUID();
        long serviceStarted = System.nanoTime();
        List<String> serviceArguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--mosaic.neo4j-uri=" + neo4j.boltUri(),
                "--mosaic.elasticsearch-url=" + node.httpUri(),
                "--mosaic.elasticsearch-profile-alias=" + alias,
                // The index is filled without the graph (which stays empty): a rebuild would empty it.
                "--mosaic.projection.rebuild-on-start=false",
                "--mosaic.data-dir=" + dataDir,
                "--mosaic.api-key=" + adminKey,
                "--mosaic.demo.enabled=false",
                "--logging.level.root=WARN"));
        int fixedArguments = serviceArguments.size();
        // Further settings of the service under test, e.g. -Dmosaic.bench.service-args=--mosaic.audit.sync=false
        for (String extra : System.getProperty("mosaic.bench.service-args", "").split(" ")) {
            if (!extra.isBlank()) {
                serviceArguments.add(extra);
            }
        }
        // As command-line arguments: they override the application.yml in the jar (and its environment).
        ConfigurableApplicationContext service = new SpringApplicationBuilder(MosaicApplication.class)
                .run(serviceArguments.toArray(String[]::new));
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        System.out.printf(Locale.ROOT, "service: started on port %d in %.1f s with %s%n", port,
                (System.nanoTime() - serviceStarted) / 1e9, serviceArguments.subList(fixedArguments, serviceArguments.size()));

        try (ElasticsearchProfiles served = ElasticsearchProfiles.connect(node.httpUri(), alias)) {
            long held = served.readModel().count();
            // Measuring against an index the service emptied would time 404s (it happened: a start-up rebuild).
            if (held != profiles) {
                throw new IllegalStateException("the service serves " + held + " profiles, not the " + profiles
                        + " filled");
            }
        }

        int topRate = lookupRates.stream().mapToInt(Integer::intValue).max().orElse(2_000);
        String key = createKey(port, adminKey, Math.max(topRate, Math.max(searchRate, segmentRate)) * 10);
        URI elasticsearch = node.httpUri();
        OpenLoopHttpLoad toService = new OpenLoopHttpLoad("127.0.0.1", port, Map.of("X-API-Key", key), connections);
        OpenLoopHttpLoad toElasticsearch = new OpenLoopHttpLoad(elasticsearch.getHost(), elasticsearch.getPort(),
                Map.of(), connections);
        ElasticsearchRequestBodies bodies = new ElasticsearchRequestBodies(alias, Clock.systemUTC());
        CpuMeter cpu = new CpuMeter(elasticsearchPid, dataDir);
        System.out.printf(Locale.ROOT, "disk of the service's data folder: fdatasync p50 / p99 %s ms%n", diskSync(dataDir));
        try {
            List<Sample> withEmail = samples.stream().filter(sample -> sample.email() != null).toList();
            List<Sample> withPhone = samples.stream().filter(sample -> sample.phone() != null).toList();
            List<Sample> withName = samples.stream().filter(sample -> sample.misspeltName() != null).toList();
            System.out.printf(Locale.ROOT, "samples: %d profiles, %d with an email, %d with a phone, %d with a name; "
                    + "e.g. phone '%s', search '%s'%n", samples.size(), withEmail.size(), withPhone.size(),
                    withName.size(), withPhone.isEmpty() ? "" : withPhone.getFirst().phone(),
                    withName.isEmpty() ? "" : withName.getFirst().misspeltName());

            List<Scenario> scenarios = new ArrayList<>();
            Side emailLookup = new Side(toService, i -> OpenLoopHttpLoad.Request.get(
                    "/api/v1/profiles/lookup?type=email&value=" + encode(pick(withEmail, i).email())), OK);
            Side emailLookupFloor = new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(bodies.searchPath(),
                    bodies.lookup(LookupType.EMAIL, new EmailAddress(pick(withEmail, i).email()).value())), FOUND);
            if (only.contains("lookup")) {
                for (int rate : lookupRates) {
                    scenarios.add(new Scenario("lookup by email", "p99 <= 10 ms", rate, 10, emailLookup, emailLookupFloor));
                }
            }
            if (only.contains("summary")) {
                Side summaryLookup = new Side(toService, i -> OpenLoopHttpLoad.Request.get(
                        "/api/v1/profiles/lookup/summary?type=email&value=" + encode(pick(withEmail, i).email())), OK);
                Side summaryLookupFloor = new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(
                        bodies.searchPath(), bodies.summaryLookup(LookupType.EMAIL,
                                new EmailAddress(pick(withEmail, i).email()).value())), FOUND);
                for (int rate : lookupRates) {
                    scenarios.add(new Scenario("lookup by email, summary answer", "p99 <= 10 ms", rate, 10,
                            summaryLookup, summaryLookupFloor));
                }
            }
            if (only.contains("phone")) {
                scenarios.add(new Scenario("lookup by phone, other format", "p99 <= 10 ms", topRate, 10,
                        new Side(toService, i -> OpenLoopHttpLoad.Request.get("/api/v1/profiles/lookup?type=phone&value="
                                + encode(pick(withPhone, i).phone())), OK),
                        new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(bodies.searchPath(),
                                bodies.lookup(LookupType.PHONE, PhoneKey.of(pick(withPhone, i).phone(), REGION)
                                        .orElseThrow())), FOUND)));
            }
            if (only.contains("anchor")) {
                scenarios.add(new Scenario("lookup by email at Segment's Profile API limit", "p99 < 200 ms (Segment)",
                        100, 200, emailLookup, emailLookupFloor));
            }
            SearchRanking ranking = new SearchRanking(withName, only.contains("search")
                    ? namesakes(elasticsearch, alias, withName) : Map.of());
            if (only.contains("search")) {
                scenarios.add(new Scenario("search, misspelt name (one typo)", "p99 <= 50 ms", searchRate, 50,
                        new Side(toService, i -> OpenLoopHttpLoad.Request.get("/api/v1/profiles/search?q="
                                + encode(pick(withName, i).misspeltName())), ranking.check(true)),
                        new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(bodies.searchPath(),
                                bodies.search(SearchQuery.of(pick(withName, i).misspeltName(), null, null, REGION), 0,
                                        20)), ranking.check(false)), ranking));
            }
            if (only.contains("typing")) {
                scenarios.add(new Scenario("search as you type (first name, 3 letters of the last)", "p99 <= 50 ms",
                        searchRate, 50,
                        new Side(toService, i -> OpenLoopHttpLoad.Request.get("/api/v1/profiles/search?q="
                                + encode(typing(pick(withName, i)))), OK),
                        new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(bodies.searchPath(),
                                bodies.search(SearchQuery.of(typing(pick(withName, i)), null, null, REGION), 0, 20)),
                                OK)));
            }
            List<Sample> twoTypos = only.contains("typos") ? twoTypoSamples(elasticsearch, bodies, withName) : List.of();
            if (!twoTypos.isEmpty()) {
                // Two typing errors in the last name, on samples where no name is one error away: the service's first
                // request finds nothing and it sends the fuzzy fallback. The floor sends the same two requests one
                // after the other, as the service does.
                SearchRanking fallbackRanking = new SearchRanking(twoTypos, Map.of());
                scenarios.add(new Scenario("search, two typos in the last name (fuzzy fallback)", "p99 <= 50 ms",
                        Math.max(1, searchRate / 4), 50,
                        new Side(toService, i -> OpenLoopHttpLoad.Request.get("/api/v1/profiles/search?q="
                                + encode(pick(twoTypos, i).misspeltName())), fallbackRanking.check(true)),
                        new Side(toElasticsearch, i -> {
                            SearchQuery typed = SearchQuery.of(pick(twoTypos, i).misspeltName(), null, null, REGION);
                            return OpenLoopHttpLoad.Request.post(bodies.searchPath(), bodies.search(typed, 0, 20))
                                    .followedBy(OpenLoopHttpLoad.Request.post(bodies.searchPath(),
                                            bodies.fallbackSearch(typed, 0, 20)));
                        }, fallbackRanking.check(false)), fallbackRanking));
            }
            if (only.contains("segment")) {
                ProfileSearch counting;
                try (ElasticsearchProfiles profilesForCounts = ElasticsearchProfiles.connect(elasticsearch, alias)) {
                    counting = profilesForCounts.search(Clock.systemUTC());
                    for (Map.Entry<String, String> segment : SEGMENTS.entrySet()) {
                        String body = "{\"condition\": " + segment.getValue() + "}";
                        var condition = ConditionParser.parse(JSON.readValue(segment.getValue(), Object.class),
                                "$.condition");
                        System.out.printf(Locale.ROOT, "%s: %,d profiles%n", segment.getKey(), counting.count(condition));
                        String countBody = bodies.count(condition);
                        scenarios.add(new Scenario(segment.getKey(), "p99 <= 200 ms", segmentRate, 200,
                                new Side(toService, i -> OpenLoopHttpLoad.Request.post("/api/v1/segments/preview",
                                        body), OK),
                                new Side(toElasticsearch, i -> OpenLoopHttpLoad.Request.post(bodies.countPath(),
                                        countBody), OK)));
                    }
                }
            }

            List<String> table = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                if (scenario.ranking() != null) {
                    scenario.ranking().reset();
                }
                table.add(measure(scenario, seconds, rounds, cpu));
                if (scenario.ranking() != null) {
                    System.out.println(scenario.name() + ": " + scenario.ranking().report());
                }
            }
            System.out.printf(Locale.ROOT, "%nRESULT profile service at %,d profiles, %d rounds of %.0f s, medians; "
                    + "%d connections; load average at the end %s%n", profiles, rounds, seconds, connections,
                    loadAverage());
            System.out.println("| Request | Target | Rate (req/s) | Service p50 / p99 / max (ms) | Floor p50 / p99 / max (ms)"
                    + " | Achieved service / floor (req/s) | CPU per request, service: generator / Mosaic JVM / ES (µs)"
                    + " | CPU per request, floor: generator / ES (µs) | Others' CPU (% of the machine)"
                    + " | Target held: service / floor | Load average; fdatasync p50 / p99 (ms) |");
            System.out.println("|---|---|---:|---|---|---|---|---|---|---|---|");
            table.forEach(System.out::println);
        } finally {
            service.close();
            neo4j.close();
            node.close();
        }
    }

    private static List<Integer> rates(String list) {
        return Arrays.stream(list.split(",")).filter(rate -> !rate.isBlank()).map(rate -> Integer.parseInt(rate.strip()))
                .toList();
    }

    /** What a counter assistant has typed a moment before the end: the first name and 3 letters of the last. */
    private static String typing(Sample sample) {
        String last = lastName(sample);
        return sample.name().substring(0, sample.name().length() - last.length()) + last.substring(0, 3);
    }

    private static String lastName(Sample sample) {
        return sample.name().substring(sample.name().lastIndexOf(' ') + 1);
    }

    /**
     * Samples whose misspelt name is the first name and the last name (7 plain letters or more) with two letters
     * replaced, not neighbours and not the first (so exactly two typing errors), and for which the search's first
     * request finds nobody (no name is one error away): at most 2,000, checked against the index.
     */
    private static List<Sample> twoTypoSamples(URI elasticsearch, ElasticsearchRequestBodies bodies,
                                               List<Sample> samples) throws Exception {
        List<Sample> chosen = new ArrayList<>();
        int tried = 0;
        for (Sample sample : samples) {
            String last = lastName(sample);
            if (!last.matches("[A-Za-z]{7,}")) {
                continue;
            }
            tried++;
            Random random = new Random(sample.profileId().hashCode());
            int first = 1 + random.nextInt(last.length() - 3);
            int second = first + 2 + random.nextInt(last.length() - first - 2);
            char[] letters = last.toCharArray();
            for (int at : new int[] {first, second}) {
                String replacements = "aeinorst".replace(String.valueOf(Character.toLowerCase(letters[at])), "");
                letters[at] = replacements.charAt(random.nextInt(replacements.length()));
            }
            String typed = sample.name().substring(0, sample.name().length() - last.length()) + new String(letters);
            String body = bodies.search(SearchQuery.of(typed, null, null, REGION), 0, 1);
            HttpResponse<String> response = ADMIN.send(HttpRequest.newBuilder(elasticsearch.resolve(bodies.searchPath()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (JSON.readTree(response.body()).at("/hits/total/value").asLong() == 0) {
                chosen.add(new Sample(sample.profileId(), null, null, typed, sample.name()));
            }
            if (chosen.size() == 2_000) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "two typos: %,d of %,d misspelt names find nobody one error away, e.g. '%s'%n",
                chosen.size(), tried, chosen.isEmpty() ? "" : chosen.getFirst().misspeltName());
        return chosen;
    }
    // ---- filling the index ----------------------------------------------------------------------------------------

    /** What the load generator asks for: identifiers of one profile, typed as a person at a counter would. */
    /**
     * @param misspeltName first name and last name with one typing error, as the search box gets it
     * @param name the same name as the person's record holds it (the one misspelt)
     */
    record Sample(String profileId, String email, String phone, String misspeltName, String name) {

        String line() {
            return String.join("\t", profileId, nullToEmpty(email), nullToEmpty(phone), nullToEmpty(misspeltName),
                    nullToEmpty(name));
        }

        static Sample parse(String line) {
            String[] parts = line.split("\t", -1);
            return new Sample(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]), emptyToNull(parts[3]),
                    parts.length > 4 ? emptyToNull(parts[4]) : null);
        }
    }

    private static List<Sample> fillOrReuse(URI elasticsearch, String alias, int profiles, Path work) throws Exception {
        Path sampleFile = work.resolve(alias + "-samples.tsv");
        try (ElasticsearchProfiles store = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            ProfileReadModel readModel = store.readModel();
            long held = readModel.count();
            if (!readModel.awaitsRebuild() && held == profiles && Files.exists(sampleFile)) {
                System.out.printf(Locale.ROOT, "fill: reusing the index %s with %,d profiles%n", alias, held);
                try (Stream<String> lines = Files.lines(sampleFile)) {
                    return lines.map(Sample::parse).toList();
                }
            }
            System.out.printf(Locale.ROOT, "fill: the index %s holds %,d profiles%s; filling it with %,d%n", alias, held,
                    readModel.awaitsRebuild() ? " in an older layout" : "", profiles);
        }
        Files.deleteIfExists(sampleFile);
        for (String index : indicesOf(elasticsearch, alias)) {
            deleteIndex(elasticsearch, index);
        }
        long started = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        try (ElasticsearchProfiles store = ElasticsearchProfiles.connect(elasticsearch, alias)) {
            ProfileReadModel readModel = store.readModel();
            // A bulk load: no refresh until the end (the usual setting for one; back to the default afterwards).
            settings(elasticsearch, alias, "{\"index\": {\"refresh_interval\": \"-1\"}}");
            Map<ProfileId, ResolvedProfile> pending = new ConcurrentHashMap<>();
            AtomicLong writeNanos = new AtomicLong();
            AtomicLong projectNanos = new AtomicLong();
            AtomicLong generateNanos = new AtomicLong();
            ProfileProjection projection = new ProfileProjection(graphOf(pending), timed(readModel, writeNanos),
                    Clock.fixed(GENERATED_AT, ZoneOffset.UTC), ProfileRules.DEFAULT, REGION);
            // Two threads generate and read people, two project and write them: on a machine shared with other
            // work, each runnable thread gets its share of the cores.
            ExecutorService generators = Executors.newFixedThreadPool(2);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<ResolutionAccuracy.Labelled>> generated = new ArrayList<>();
            List<Future<?>> writes = new ArrayList<>();
            int every = Math.max(1, profiles / SAMPLES);
            Random random = new Random(7);
            int done = 0;
            long records = 0;
            int nextChunk = 0;
            int initiallyPlanned = (profiles + CHUNK_PEOPLE - 1) / CHUNK_PEOPLE;
            int planned = initiallyPlanned;
            for (int chunk = 0; done < profiles; chunk++) {
                if (chunk == planned) {
                    // Only when some generated people had no records: one more chunk for the profiles missing.
                    planned++;
                }
                while (generated.size() < 2 && nextChunk < planned) {
                    int people = nextChunk < initiallyPlanned
                            ? Math.min(CHUNK_PEOPLE, profiles - nextChunk * CHUNK_PEOPLE) : profiles - done;
                    long seed = 1_000 + nextChunk;
                    Path folder = work.resolve("generated-" + nextChunk % 4);
                    generated.add(generators.submit(() -> {
                        long generating = System.nanoTime();
                        ResolutionAccuracy.Labelled data = ResolutionAccuracy.generated(
                                new GeneratorSettings(people, 0, seed, false, MessRates.defaults()), folder);
                        generateNanos.addAndGet(System.nanoTime() - generating);
                        return data;
                    }));
                    nextChunk++;
                }
                ResolutionAccuracy.Labelled data = generated.removeFirst().get();
                Map<String, List<SourceRecord>> byPerson = new LinkedHashMap<>();
                for (int i = 0; i < data.records().size(); i++) {
                    byPerson.computeIfAbsent(data.truth().get(i), person -> new ArrayList<>()).add(data.records().get(i));
                }
                List<ProfileId> batch = new ArrayList<>();
                for (Map.Entry<String, List<SourceRecord>> person : byPerson.entrySet()) {
                    if (done == profiles) {
                        break;
                    }
                    ProfileId id = new ProfileId(UUID.nameUUIDFromBytes(("bench:" + chunk + ":" + person.getKey())
                            .getBytes(StandardCharsets.UTF_8)).toString());
                    pending.put(id, new ResolvedProfile(id, person.getValue(), links(person.getKey(), person.getValue())));
                    records += person.getValue().size();
                    if (done % every == 0 && samples.size() < SAMPLES) {
                        samples.add(sample(id.value(), person.getValue(), random));
                    }
                    batch.add(id);
                    done++;
                    if (batch.size() == BATCH) {
                        writes.add(submit(writers, projection, batch, projectNanos));
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    writes.add(submit(writers, projection, batch, projectNanos));
                }
                // At most about one chunk waits for the writers: memory stays flat.
                while (writes.size() > CHUNK_PEOPLE / BATCH) {
                    writes.removeFirst().get();
                }
                System.out.printf(Locale.ROOT, "fill: %,d profiles generated (%,d records), %.0f s; thread time: "
                                + "generating and reading %.0f s, projecting %.0f s, writing %.0f s; load average %s%n",
                        done, records, (System.nanoTime() - started) / 1e9, generateNanos.get() / 1e9,
                        (projectNanos.get() - writeNanos.get()) / 1e9, writeNanos.get() / 1e9, loadAverage());
            }
            for (Future<?> write : writes) {
                write.get();
            }
            generators.shutdownNow();
            writers.shutdown();
            readModel.completeRebuild();
            settings(elasticsearch, alias, "{\"index\": {\"refresh_interval\": null}}");
            refresh(elasticsearch, alias);
            double fill = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT fill: %,d profiles (%,d source records) written in %.0f s = %.0f "
                            + "profiles/s (thread time: generating and reading %.0f s, projecting %.0f s, writing "
                            + "%.0f s); index %s; load average %s%n", readModel.count(), records, fill,
                    readModel.count() / fill, generateNanos.get() / 1e9, (projectNanos.get() - writeNanos.get()) / 1e9,
                    writeNanos.get() / 1e9, indexSize(elasticsearch, alias), loadAverage());
        }
        Files.write(sampleFile, samples.stream().map(Sample::line).toList());
        return samples;
    }

    private static Future<?> submit(ExecutorService writer, ProfileProjection projection, List<ProfileId> batch,
                                    AtomicLong nanos) {
        Set<ProfileId> ids = Set.copyOf(batch);
        return writer.submit(() -> {
            long started = System.nanoTime();
            projection.profilesChanged(ids, Set.of());
            nanos.addAndGet(System.nanoTime() - started);
        });
    }

    /** The read model, adding the time its writes take to {@code nanos}. */
    private static ProfileReadModel timed(ProfileReadModel readModel, AtomicLong nanos) {
        return (ProfileReadModel) Proxy.newProxyInstance(ProfileReadModel.class.getClassLoader(),
                new Class<?>[] {ProfileReadModel.class}, (proxy, method, arguments) -> {
                    long started = System.nanoTime();
                    try {
                        return method.invoke(readModel, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("saveAll")) {
                            nanos.addAndGet(System.nanoTime() - started);
                        }
                    }
                });
    }

    /**
     * The identity graph as the projection sees it: only {@code findProfiles}, answered from the profiles generated
     * (the ground truth: all records of one generated person, nothing else), each handed out once.
     */
    private static IdentityGraph graphOf(Map<ProfileId, ResolvedProfile> pending) {
        return (IdentityGraph) Proxy.newProxyInstance(IdentityGraph.class.getClassLoader(),
                new Class<?>[] {IdentityGraph.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("findProfiles")) {
                        List<ResolvedProfile> found = new ArrayList<>();
                        for (Object id : (Collection<?>) arguments[0]) {
                            found.add(pending.remove(id));
                        }
                        return found;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A chain of links over the person's records, so documents carry link evidence as resolved profiles do. */
    private static List<RecordLink> links(String person, List<SourceRecord> records) {
        List<RecordLink> links = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            links.add(new RecordLink(records.get(i - 1).key(), records.get(i).key(), "generated_truth", 1.0,
                    "both are records of generated person " + person, List.of()));
        }
        return links;
    }

    private static Sample sample(String profileId, List<SourceRecord> records, Random random) {
        String email = records.stream().map(SourceRecord::email).filter(e -> e != null && e.isUsableForMatching())
                .map(EmailAddress::value).findFirst().orElse(null);
        String phone = records.stream().map(record -> PhoneKey.of(record.phone(),
                        record.country() == null ? REGION : record.country()).orElse(null))
                .filter(key -> key != null).findFirst().map(ProfileServiceBenchmark::otherFormat).orElse(null);
        SourceRecord named = records.stream().filter(record -> record.firstName() != null && record.lastName() != null
                        && record.lastName().strip().length() >= 4).findFirst().orElse(null);
        String name = named == null ? null : named.firstName().strip() + " " + named.lastName().strip();
        String misspelt = named == null ? null
                : named.firstName().strip() + " " + misspell(named.lastName().strip(), random);
        return new Sample(profileId, email == null ? null : upperFirst(email), phone, misspelt, name);
    }

    /** An email as people type it: the first letter in capitals (lookups fold case). */
    private static String upperFirst(String email) {
        return email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1);
    }

    /** The E.164 key written as people write it: nationally (0151 2345678) at home, else 0043 660 1234567. */
    static String otherFormat(String e164) {
        try {
            var number = PHONES.parse(e164, REGION);
            if (PHONES.getRegionCodeForNumber(number) != null && PHONES.getRegionCodeForNumber(number).equals(REGION)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replace(' ', '-');
            }
            return "00" + PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL).substring(1);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** One typing error after the first letter: a letter swapped with the next, dropped or replaced. */
    static String misspell(String name, Random random) {
        int at = 1 + random.nextInt(name.length() - 2);
        char[] letters = name.toCharArray();
        return switch (random.nextInt(3)) {
            case 0 -> {
                char swapped = letters[at];
                letters[at] = letters[at + 1];
                letters[at + 1] = swapped;
                yield new String(letters);
            }
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default -> {
                String replacements = "aeinorst".replace(String.valueOf(Character.toLowerCase(letters[at])), "");
                letters[at] = replacements.charAt(random.nextInt(replacements.length()));
                yield new String(letters);
            }
        };
    }

    // ---- measuring ------------------------------------------------------------------------------------------------

    private static final OpenLoopHttpLoad.Check OK = OpenLoopHttpLoad.Check.status200();
    /** A lookup straight to Elasticsearch: 200 and a hit. */
    private static final OpenLoopHttpLoad.Check FOUND = (i, status, body, length) -> status != 200 ? "HTTP " + status
            : indexOf(body, length, "\"hits\":[]") >= 0 ? "not found" : null;

    /** One way of sending a scenario's requests: to the service or straight to Elasticsearch. */
    record Side(OpenLoopHttpLoad load, OpenLoopHttpLoad.Requests requests, OpenLoopHttpLoad.Check check) {
    }

    /** @param ranking counts how often the person meant is on the first page; null when not judged */
    record Scenario(String name, String target, int rate, double targetP99Millis, Side service, Side floor,
                    SearchRanking ranking) {

        Scenario(String name, String target, int rate, double targetP99Millis, Side service, Side floor) {
            this(name, target, rate, targetP99Millis, service, floor, null);
        }
    }

    /** A round's result with the CPU time it took, per request, in microseconds. */
    record Round(OpenLoopHttpLoad.Result result, double generatorMicros, double jvmMicros, double elasticsearchMicros,
                 double othersPercent) {
    }

    private static String measure(Scenario scenario, double seconds, int rounds, CpuMeter cpu) {
        // Warm-up (JIT, Elasticsearch caches) at half the rate: an overloaded warm-up would leave a backlog behind.
        double warmUp = Math.min(10, Math.max(2, seconds / 2));
        int warmUpRate = Math.max(1, scenario.rate() / 2);
        run(scenario.floor(), warmUpRate, warmUp, 0, cpu);
        run(scenario.service(), warmUpRate, warmUp, 0, cpu);
        List<Round> service = new ArrayList<>();
        List<Round> floor = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int offset = (round + 1) * 100_003;
            Round f = run(scenario.floor(), scenario.rate(), seconds, offset, cpu);
            floor.add(f);
            print(scenario, "floor  ", round, f);
            Round s = run(scenario.service(), scenario.rate(), seconds, offset, cpu);
            service.add(s);
            print(scenario, "service", round, s);
        }
        long serviceP99 = median(service, round -> round.result().p99());
        double serviceAchieved = medianOf(service, round -> round.result().achieved());
        int serviceErrors = service.stream().mapToInt(round -> round.result().errors()).sum();
        boolean met = serviceP99 <= scenario.targetP99Millis() * 1_000_000 && serviceAchieved >= scenario.rate() * 0.95
                && serviceErrors == 0;
        long floorP99 = median(floor, round -> round.result().p99());
        int floorErrors = floor.stream().mapToInt(round -> round.result().errors()).sum();
        boolean floorMet = floorP99 <= scenario.targetP99Millis() * 1_000_000
                && medianOf(floor, round -> round.result().achieved()) >= scenario.rate() * 0.95 && floorErrors == 0;
        return String.format(Locale.ROOT, "| %s | %s | %,d | %s / %s / %s | %s / %s / %s | %,.0f / %,.0f | %.0f / %.0f / %.0f"
                        + " | %.0f / %.0f | %.0f | %s / %s | %s; sync %s |", scenario.name(), scenario.target(),
                scenario.rate(),
                ms(median(service, round -> round.result().p50())), ms(serviceP99),
                ms(median(service, round -> round.result().max())),
                ms(median(floor, round -> round.result().p50())), ms(median(floor, round -> round.result().p99())),
                ms(median(floor, round -> round.result().max())), serviceAchieved,
                medianOf(floor, round -> round.result().achieved()), medianOf(service, Round::generatorMicros),
                medianOf(service, Round::jvmMicros), medianOf(service, Round::elasticsearchMicros),
                medianOf(floor, Round::generatorMicros), medianOf(floor, Round::elasticsearchMicros),
                medianOf(service, Round::othersPercent),
                met ? "yes" : "no" + (serviceErrors > 0 ? " (" + serviceErrors + " errors)" : ""),
                floorMet ? "yes" : "no" + (floorErrors > 0 ? " (" + floorErrors + " errors)" : ""), loadAverage(),
                diskSync(cpu.disk()));
    }

    /**
     * What a forced write costs on the disk of the service's data folder right now: 300 appends of an audit line's
     * size, each followed by {@code fdatasync}, as the audit journal does (p50 / p99 in ms). Every audited request
     * waits for one such sync (shared by the requests that arrive meanwhile).
     */
    static String diskSync(Path folder) {
        Path probe = folder.resolve("sync-probe.tmp");
        long[] nanos = new long[300];
        byte[] line = ("x".repeat(160) + "\n").getBytes(StandardCharsets.UTF_8);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(probe,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < nanos.length; i++) {
                channel.write(java.nio.ByteBuffer.wrap(line));
                long started = System.nanoTime();
                channel.force(false);
                nanos[i] = System.nanoTime() - started;
            }
            Files.delete(probe);
        } catch (IOException e) {
            return "unknown";
        }
        Arrays.sort(nanos);
        return ms(OpenLoopHttpLoad.percentile(nanos, 0.50)) + " / " + ms(OpenLoopHttpLoad.percentile(nanos, 0.99));
    }

    private static Round run(Side side, int rate, double seconds, int offset, CpuMeter cpu) {
        CpuMeter.Reading before = cpu.read();
        OpenLoopHttpLoad.Result result = side.load().run(side.requests(), side.check(), rate, seconds, offset);
        CpuMeter.Reading after = cpu.read();
        double perRequest = 1e-3 / result.requests();
        double generator = result.generatorCpuNanos() * perRequest;
        double jvm = (after.jvmNanos() - before.jvmNanos()) * perRequest - generator;
        double elasticsearch = (after.elasticsearchNanos() - before.elasticsearchNanos()) * perRequest;
        double machine = after.machineBusyNanos() - before.machineBusyNanos();
        double others = machine - (after.jvmNanos() - before.jvmNanos())
                - (after.elasticsearchNanos() - before.elasticsearchNanos());
        double wall = (after.wallNanos() - before.wallNanos()) * (double) Runtime.getRuntime().availableProcessors();
        // A request the server still works on after the client gave up must not spill into the next run.
        LockSupport.parkNanos(500_000_000L);
        return new Round(result, generator, jvm, elasticsearch, Math.max(0, 100 * others / wall));
    }

    private static void print(Scenario scenario, String against, int round, Round r) {
        OpenLoopHttpLoad.Result result = r.result();
        System.out.printf(Locale.ROOT, "%-56s %s round %d: %,d requests at %d/s: p50 %s ms, p99 %s ms, max %s ms, "
                        + "achieved %.0f/s, %d errors%s; CPU per request: generator %.0f µs, Mosaic JVM %.0f µs, "
                        + "Elasticsearch %.0f µs; others %.0f %% of the machine; load average %s%n", scenario.name(),
                against, round + 1, result.requests(), scenario.rate(), ms(result.p50()), ms(result.p99()),
                ms(result.max()), result.achieved(), result.errors(),
                result.errorKinds().isEmpty() ? "" : " " + result.errorKinds(), r.generatorMicros(), r.jvmMicros(),
                r.elasticsearchMicros(), r.othersPercent(), loadAverage());
    }

    private static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> value) {
        return rounds.stream().mapToLong(value).sorted().toArray()[rounds.size() / 2];
    }

    private static double medianOf(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        return rounds.stream().mapToDouble(value).sorted().toArray()[rounds.size() / 2];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.1f" : "%.0f", nanos / 1e6);
    }

    private static <T> T pick(List<T> items, int i) {
        // A fixed shuffle of the samples: requests do not walk the index in the order it was written.
        return items.get(Math.floorMod(i * 7_919, items.size()));
    }

    static int indexOf(byte[] body, int length, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (body[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * CPU time of this JVM (the service, the load generator and its clients), of the Elasticsearch node, and of the
     * whole machine (so what other processes took is visible), from /proc.
     */
    static final class CpuMeter {

        record Reading(long jvmNanos, long elasticsearchNanos, long machineBusyNanos, long wallNanos) {
        }

        private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

        private final long elasticsearchPid;
        private final Path disk;

        /** @param disk the service's data folder, where its audit journal syncs */
        CpuMeter(long elasticsearchPid, Path disk) {
            this.elasticsearchPid = elasticsearchPid;
            this.disk = disk;
        }

        Path disk() {
            return disk;
        }

        Reading read() {
            return new Reading(processTicks("self") * NANOS_PER_TICK,
                    processTicks(Long.toString(elasticsearchPid)) * NANOS_PER_TICK, machineBusyTicks() * NANOS_PER_TICK,
                    System.nanoTime());
        }

        private static long processTicks(String pid) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static long machineBusyTicks() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
                String[] cpu = lines.findFirst().orElseThrow().split("\\s+");
                long busy = 0;
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    if (i != 4 && i != 5) { // idle and iowait are not busy
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    // ---- how well search finds the person meant ------------------------------------------------------------------

    /**
     * How many profiles carry every token of each sample's name (as its record spells it): the person's namesakes,
     * the person included. A misspelt name shared by hundreds cannot single out one of them on a page of 20, so the
     * ranking is judged on the samples with at most 20 (the "fair" ones), and reported for all.
     */
    private static Map<String, Long> namesakes(URI elasticsearch, String alias, List<Sample> samples) throws Exception {
        Map<String, Long> namesakes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Sample sample : samples) {
                threads.execute(() -> {
                    List<Map<String, Object>> terms = SearchKeys.tokens(sample.name()).stream()
                            .map(token -> Map.<String, Object>of("term", Map.of("nameTokens", token))).toList();
                    try {
                        String body = JSON.writeValueAsString(Map.of("query", Map.of("bool", Map.of("filter", terms))));
                        HttpResponse<String> response = ADMIN.send(HttpRequest.newBuilder(
                                        elasticsearch.resolve("/" + alias + "/_count"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        namesakes.put(sample.profileId(), JSON.readTree(response.body()).path("count").asLong());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        System.out.printf(Locale.ROOT, "namesakes counted for %,d samples in %.0f s%n", namesakes.size(),
                (System.nanoTime() - started) / 1e9);
        return namesakes;
    }

    /** Counts, per answer, whether the misspelt sample's profile is on the first page. */
    static final class SearchRanking {

        private final List<Sample> samples;
        private final Map<String, Long> namesakes;
        private final java.util.concurrent.atomic.AtomicIntegerArray counts = new java.util.concurrent.atomic.AtomicIntegerArray(12);

        SearchRanking(List<Sample> samples, Map<String, Long> namesakes) {
            this.samples = samples;
            this.namesakes = namesakes;
        }

        void reset() {
            for (int i = 0; i < counts.length(); i++) {
                counts.set(i, 0);
            }
        }

        /** @param service answers of the service (else of the floor): counted apart */
        OpenLoopHttpLoad.Check check(boolean service) {
            int base = service ? 0 : 6;
            return (i, status, body, length) -> {
                if (status != 200) {
                    return "HTTP " + status;
                }
                Sample sample = pick(samples, i);
                boolean found = indexOf(body, length, sample.profileId()) >= 0;
                long sakes = namesakes.getOrDefault(sample.profileId(), Long.MAX_VALUE);
                counts.incrementAndGet(base);
                if (found) {
                    counts.incrementAndGet(base + 1);
                }
                if (sakes <= 20) {
                    counts.incrementAndGet(base + 2);
                    if (found) {
                        counts.incrementAndGet(base + 3);
                    }
                }
                if (sakes <= 1) {
                    counts.incrementAndGet(base + 4);
                    if (found) {
                        counts.incrementAndGet(base + 5);
                    }
                }
                return null;
            };
        }

        String report() {
            return String.format(Locale.ROOT, "search ranking: the misspelt person on the first page (20 hits), all "
                            + "rounds and the warm-up: service %s; floor %s", side(0), side(6));
        }

        private String side(int base) {
            return String.format(Locale.ROOT, "all %s, fair (at most 20 namesakes) %s, unique names %s",
                    share(base), share(base + 2), share(base + 4));
        }

        private String share(int at) {
            int all = counts.get(at);
            int found = counts.get(at + 1);
            return String.format(Locale.ROOT, "%,d of %,d (%.1f %%)", found, all, all == 0 ? 0 : 100.0 * found / all);
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------------

    /** A key as another system would hold one: SYSTEM (lookups, search) and MARKETER (segments), its own rate limit. */
    private static String createKey(int port, String adminKey, int requestsPerSecond) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", "bench-" + UUID.randomUUID().toString().substring(0, 8),
                "roles", List.of("SYSTEM", "MARKETER"), "requestsPerSecond", requestsPerSecond,
                "burst", requestsPerSecond));
        HttpResponse<String> created = ADMIN.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/admin/keys")).header("X-API-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create the benchmark's API key: " + created.statusCode() + " "
                    + created.body());
        }
        return JSON.readTree(created.body()).get("secret").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- Elasticsearch housekeeping (plain HTTP: the adapter owns the Java client) --------------------------------

    private static final HttpClient ADMIN = HttpClient.newHttpClient();

    private static HttpResponse<String> admin(URI elasticsearch, String method, String path) throws Exception {
        return ADMIN.send(HttpRequest.newBuilder(elasticsearch.resolve(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> indicesOf(URI elasticsearch, String alias) throws Exception {
        HttpResponse<String> response = admin(elasticsearch, "GET", "/_alias/" + alias);
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> indices = new ArrayList<>();
        JSON.readTree(response.body()).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    private static void deleteIndex(URI elasticsearch, String index) throws Exception {
        admin(elasticsearch, "DELETE", "/" + index);
    }

    private static void settings(URI elasticsearch, String alias, String json) throws Exception {
        HttpResponse<String> response = ADMIN.send(HttpRequest.newBuilder(elasticsearch.resolve("/" + alias + "/_settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot change the settings of " + alias + ": " + response.body());
        }
    }

    private static void refresh(URI elasticsearch, String alias) throws Exception {
        admin(elasticsearch, "POST", "/" + alias + "/_refresh");
    }

    private static String indexSize(URI elasticsearch, String alias) throws Exception {
        JsonNode stats = JSON.readTree(admin(elasticsearch, "GET", "/" + alias + "/_stats/store,docs").body());
        long bytes = stats.at("/_all/primaries/store/size_in_bytes").asLong();
        return String.format(Locale.ROOT, "%,d MB on disk", bytes >> 20);
    }

    // ---- the machine ----------------------------------------------------------------------------------------------

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> String.format(Locale.ROOT, "%.0f GB",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
