package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.matching.Clustering;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;

/** Full resolution runs and dry runs, started from the API and run one at a time in the background. */
@RestController
@RequestMapping("/api/v1/resolution/runs")
class ResolutionRunController {

    private static final Logger log = LoggerFactory.getLogger(ResolutionRunController.class);

    /** Optional body: {@code dryRun} reports without applying; thresholds override the defaults for this run. */
    record RunRequest(Boolean dryRun, Double matchThreshold, Double reviewThreshold, Double bridgeThreshold) {
    }

    record RunResponse(String runId, String state, boolean dryRun, Instant startedAt, Instant finishedAt,
                       Integer records, Integer profilesBefore, Integer profilesAfter, Integer merges, Integer splits,
                       Integer recordsMoved, Long candidatePairs, Integer links, Integer reviewPairs,
                       Integer genericIdentifiers, LinkWrites linkWrites, Phases phases,
                       List<ChangedProfile> changes, String error) {
    }

    /** How many stored links the run created, updated, removed and left as they were (all 0 for a dry run). */
    record LinkWrites(int created, int updated, int removed, int kept) {
    }

    /** Milliseconds spent reading the graph, resolving in memory and writing the outcome back. */
    record Phases(long readMillis, long resolveMillis, long writeMillis) {
    }

    /** A profile a run merged or split (for a dry run: would merge or split). */
    record ChangedProfile(String kind, String profileId, List<String> others) {
    }

    private final ResolutionRuns runs;
    private final ResolutionEngine.Settings configured;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resolution-run");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, RunResponse> states = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    ResolutionRunController(ResolutionRuns runs, ResolutionEngine.Settings configured) {
        this.runs = runs;
        this.configured = configured;
    }

    @Audited("resolution.run")
    @PostMapping
    @Operation(summary = "Start a full resolution run over every record (or a dry run that only reports)",
            description = "A full run estimates the match model from the graph's records, detects generic identifiers, "
                    + "scores the candidate pairs of every blocking rule and clusters them with the guards; profile ids "
                    + "are kept where membership allows. dryRun=true reports which profiles would merge or split and "
                    + "changes nothing. Thresholds are match probabilities in [0, 1] with review <= match <= bridge (400 "
                    + "otherwise); omitted ones come from the "
                    + "configuration (mosaic.resolution.*, defaults 0.95, 0.5, 0.999).")
    ResponseEntity<RunResponse> start(@RequestBody(required = false) RunRequest request) {
        RunRequest body = request == null ? new RunRequest(false, null, null, null) : request;
        Clustering.Thresholds defaults = configured.thresholds();
        Clustering.Thresholds thresholds = new Clustering.Thresholds(
                probability(body.matchThreshold(), defaults.match(), "matchThreshold"),
                probability(body.reviewThreshold(), defaults.review(), "reviewThreshold"),
                probability(body.bridgeThreshold(), defaults.bridge(), "bridgeThreshold"), defaults.certain());
        // Out of order, the run would silently merge or review nothing; the caller mixed the fields up.
        if (thresholds.review() > thresholds.match()) {
            throw new BadRequestException("reviewThreshold (" + thresholds.review() + ") must not exceed "
                    + "matchThreshold (" + thresholds.match() + "): pairs between the two go to review");
        }
        if (thresholds.bridge() < thresholds.match()) {
            throw new BadRequestException("bridgeThreshold (" + thresholds.bridge() + ") must not be below "
                    + "matchThreshold (" + thresholds.match() + "): it is the stricter bar for one link joining "
                    + "two groups");
        }
        ResolutionEngine.Settings settings = new ResolutionEngine.Settings(thresholds, configured.training(),
                configured.maxBlockSize());
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        String runId = UUID.randomUUID().toString();
        Instant started = Instant.now();
        RunResponse queued = new RunResponse(runId, "RUNNING", dryRun, started, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(), null);
        states.put(runId, queued);
        executor.submit(() -> {
            try {
                ResolutionRuns.Report report = runs.run(runId, settings, dryRun);
                states.put(runId, finished(report, started));
            } catch (RuntimeException e) {
                log.error("Resolution run {} failed", runId, e);
                states.put(runId, new RunResponse(runId, "FAILED", dryRun, started, Instant.now(), null, null, null,
                        null, null, null, null, null, null, null, null, null, List.of(), e.getMessage()));
            }
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    @NotAudited("state and counts of a run, with profile ids only")
    @GetMapping("/{runId}")
    @Operation(summary = "State and outcome of a resolution run")
    ResponseEntity<RunResponse> status(@PathVariable String runId) {
        return ResponseEntity.ofNullable(states.get(runId));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static double probability(Double value, double fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 1) {
            throw new BadRequestException(name + " must be a probability between 0 and 1, not " + value);
        }
        return value;
    }

    private static RunResponse finished(ResolutionRuns.Report report, Instant started) {
        List<ChangedProfile> changes = new java.util.ArrayList<>();
        report.merges().forEach(merge -> changes.add(new ChangedProfile("merge", merge.survivor().value(),
                merge.absorbed().stream().map(Object::toString).toList())));
        report.splits().forEach(split -> changes.add(new ChangedProfile("split", split.previous().value(),
                split.into().stream().map(Object::toString).toList())));
        return new RunResponse(report.runId(), "COMPLETED", report.dryRun(), started, Instant.now(), report.records(),
                report.profilesBefore(), report.profilesAfter(), report.merges().size(), report.splits().size(),
                report.recordsMoved(), report.candidatePairs(), report.links(), report.review(),
                report.genericIdentifiers(), new LinkWrites(report.linkChanges().created(),
                        report.linkChanges().updated(), report.linkChanges().removed(), report.linkChanges().kept()),
                new Phases(report.phases().read().toMillis(), report.phases().resolve().toMillis(),
                        report.phases().write().toMillis()), changes.stream().limit(1000).toList(), null);
    }
}
