package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.ResolutionRun;
import dev.mosaic.identity.domain.matching.Clustering;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.PreDestroy;

/** Full resolution runs and dry runs, started from the API and run one at a time in the background. */
@RestController
@RequestMapping("/api/v1/resolution/runs")
class ResolutionRunController {

    private static final Logger log = LoggerFactory.getLogger(ResolutionRunController.class);

    /** Optional body: {@code dryRun} reports without applying; thresholds override the defaults for this run. */
    record RunRequest(Boolean dryRun, Double matchThreshold, Double reviewThreshold, Double bridgeThreshold) {
    }

    /**
     * A run as kept in the run log. The outcome fields are null until the run has completed; {@code changes} names at
     * most 1,000 merges and splits (all of them are counted), and only the run's own page lists them.
     */
    record RunResponse(String runId, String state, boolean dryRun, String startedBy, Instant startedAt,
                       Instant finishedAt, Thresholds thresholds, Integer records, Integer profilesBefore,
                       Integer profilesAfter, Integer merges, Integer splits, Integer recordsMoved,
                       Long candidatePairs, Integer links, Integer reviewPairs, Integer genericIdentifiers,
                       LinkWrites linkWrites, Phases phases, List<ChangedProfile> changes, String error) {
    }

    /** The match, review and bridge probabilities the run was started with. */
    record Thresholds(double match, double review, double bridge) {
    }

    /** The latest runs, newest first, without their lists of changes. */
    record RunList(List<RunResponse> runs) {
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
    ResponseEntity<RunResponse> start(@RequestBody(required = false) RunRequest request, Authentication who) {
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
        ResolutionRun queued = runs.queue(settings, dryRun, who == null ? null : who.getName());
        executor.submit(() -> {
            try {
                runs.carryOut(queued, settings);
            } catch (RuntimeException e) {
                // Kept in the run log as FAILED with its reason; the stack trace is for the operator.
                log.error("Resolution run {} failed", queued.id(), e);
            }
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(queued, true));
    }

    @NotAudited("state and counts of a run, with profile ids only")
    @GetMapping("/{runId}")
    @Operation(summary = "State and outcome of a resolution run",
            description = "Runs are kept with the identity graph, so a run id named in a profile's history answers "
                    + "after a restart too. State: QUEUED (waiting for the run before it), RUNNING, COMPLETED, "
                    + "FAILED (error says why) or INTERRUPTED (the service stopped before the run finished).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunResponse.class),
            examples = @ExampleObject(name = "a dry run with lower match threshold", value = OpenApiExamples.RESOLUTION_RUN)))
    @ApiResponse(responseCode = "404", description = "No run of this id")
    ResponseEntity<RunResponse> status(@PathVariable String runId) {
        return ResponseEntity.of(runs.find(runId).map(run -> response(run, true)));
    }

    @NotAudited("states and counts of runs, with profile ids only")
    @GetMapping
    @Operation(summary = "The latest resolution runs, newest first",
            description = "Full runs and dry runs started from the API or by deferred imports, with their state, "
                    + "thresholds and counts; a run's merges and splits by name are on its own page.")
    RunList recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new BadRequestException("limit must be between 1 and 200, not " + limit);
        }
        return new RunList(runs.recent(limit).stream().map(run -> response(run, false)).toList());
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

    private static RunResponse response(ResolutionRun run, boolean withChanges) {
        Thresholds thresholds = new Thresholds(run.thresholds().match(), run.thresholds().review(),
                run.thresholds().bridge());
        ResolutionRun.Outcome outcome = run.outcome();
        if (outcome == null) {
            return new RunResponse(run.id(), run.state().name(), run.dryRun(), run.startedBy(), run.startedAt(),
                    run.finishedAt(), thresholds, null, null, null, null, null, null, null, null, null, null, null,
                    null, withChanges ? List.of() : null, run.error());
        }
        List<ChangedProfile> changes = !withChanges ? null : outcome.changes().stream().map(change ->
                new ChangedProfile(change.kind().name().toLowerCase(Locale.ROOT), change.profile().value(),
                        change.others().stream().map(ProfileId::value).toList())).toList();
        return new RunResponse(run.id(), run.state().name(), run.dryRun(), run.startedBy(), run.startedAt(),
                run.finishedAt(), thresholds, outcome.records(), outcome.profilesBefore(), outcome.profilesAfter(),
                outcome.merges(), outcome.splits(), outcome.recordsMoved(), outcome.candidatePairs(), outcome.links(),
                outcome.reviewPairs(), outcome.genericIdentifiers(), new LinkWrites(outcome.linkWrites().created(),
                outcome.linkWrites().updated(), outcome.linkWrites().removed(), outcome.linkWrites().kept()),
                new Phases(outcome.read().toMillis(), outcome.resolve().toMillis(), outcome.write().toMillis()),
                changes, run.error());
    }
}
