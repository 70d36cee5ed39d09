package dev.mosaic.identity.application;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.ResolutionPlan;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.IncrementalMatching;
import dev.mosaic.identity.domain.matching.MatchModel;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/**
 * Takes standardised records into the identity graph and resolves them incrementally, a batch at a time: each new
 * or changed record is scored against the records sharing a blocking key with it, with the model of the last full
 * run (or the default model before the first), and joins (or merges) the profiles it matches. A bulk load can instead
 * store its batches unresolved and leave them to one full run at its end.
 * <p>
 * Batches are taken in while no full run is being applied: a run reads the whole graph and writes its outcome back,
 * and a batch resolved in between would lose its links to that write ({@link #exclusively}).
 */
public final class RecordIngestion {

    private final IdentityGraph graph;
    private final ProfileChangeListener listener;
    private final ResolutionEngine.Settings settings;
    private final AtomicReference<MatchModel> model = new AtomicReference<>();
    private final boolean reimportErased;
    /** Fair, so a full run waiting for the batches in flight is not overtaken by every later batch. */
    private final ReadWriteLock runGate = new ReentrantReadWriteLock(true);

    public RecordIngestion(IdentityGraph graph, ProfileChangeListener listener) {
        this(graph, listener, ResolutionEngine.Settings.defaults());
    }

    public RecordIngestion(IdentityGraph graph, ProfileChangeListener listener, ResolutionEngine.Settings settings) {
        this(graph, listener, settings, false);
    }

    /**
     * @param reimportErased true: records of erased people are stored again when imported again; false: they are
     *                       skipped and counted as {@link RecordChange#ERASED}
     */
    public RecordIngestion(IdentityGraph graph, ProfileChangeListener listener, ResolutionEngine.Settings settings,
                           boolean reimportErased) {
        this.graph = graph;
        this.listener = listener;
        this.settings = settings;
        this.reimportErased = reimportErased;
    }

    /** Resolves later batches with this model, e.g. the one a full run just estimated. */
    public void useModel(MatchModel newModel) {
        model.set(newModel);
    }

    private MatchModel model() {
        return model.updateAndGet(current -> current != null ? current
                : graph.currentModel().filter(MatchModel::isComplete).orElseGet(MatchModel::defaults));
    }

    public record Outcome(Map<RecordChange, Integer> counts, Set<ProfileId> changedProfiles) {

        public int count(RecordChange change) {
            return counts.getOrDefault(change, 0);
        }
    }

    public Outcome ingest(List<SourceRecord> records) {
        return whileNoRunIsApplied(() -> resolveNow(records));
    }

    /**
     * Stores records without resolving them, for a bulk load that ends with a full run: much cheaper per record, and
     * the run resolves them with a model estimated from all of them. Until then new records belong to no profile.
     */
    public Outcome ingestWithoutResolving(List<SourceRecord> records) {
        return whileNoRunIsApplied(() -> {
            Map<RecordChange, Integer> counts = new EnumMap<>(RecordChange.class);
            List<SourceRecord> kept = withoutErased(records, counts);
            graph.store(kept).forEach(change -> counts.merge(change, 1, Integer::sum));
            return new Outcome(Map.copyOf(counts), Set.of());
        });
    }

    /** Runs {@code work} (a full run) with no batch being taken in meanwhile. */
    public <T> T exclusively(Supplier<T> work) {
        runGate.writeLock().lock();
        try {
            return work.get();
        } finally {
            runGate.writeLock().unlock();
        }
    }

    /**
     * Runs {@code work} (a steward's merge or split) with no batch being resolved meanwhile: a batch that read the
     * profiles before the change and wrote after it would assign records to a profile the change just absorbed.
     * Waits at most {@code patience} for the batches in flight, or for a full run being applied, then gives up.
     *
     * @throws GraphBusyException when the wait was longer
     */
    public <T> T exclusively(Supplier<T> work, Duration patience) {
        try {
            if (!runGate.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new GraphBusyException("a full resolution run is being applied to the identity graph; try again "
                        + "when it has finished (GET /api/v1/resolution/runs/{runId})");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphBusyException("interrupted while waiting for the identity graph");
        }
        try {
            return work.get();
        } finally {
            runGate.writeLock().unlock();
        }
    }

    private Outcome whileNoRunIsApplied(Supplier<Outcome> work) {
        runGate.readLock().lock();
        try {
            return work.get();
        } finally {
            runGate.readLock().unlock();
        }
    }

    private List<SourceRecord> withoutErased(List<SourceRecord> records, Map<RecordChange, Integer> counts) {
        if (reimportErased) {
            return records;
        }
        Set<SourceRecordKey> erased = graph.erasedAmong(records.stream().map(SourceRecord::key).toList());
        if (erased.isEmpty()) {
            return records;
        }
        List<SourceRecord> kept = records.stream().filter(record -> !erased.contains(record.key())).toList();
        counts.put(RecordChange.ERASED, records.size() - kept.size());
        return kept;
    }

    private Outcome resolveNow(List<SourceRecord> offered) {
        Map<RecordChange, Integer> counts = new EnumMap<>(RecordChange.class);
        List<SourceRecord> records = withoutErased(offered, counts);
        if (records.isEmpty()) {
            return new Outcome(Map.copyOf(counts), Set.of());
        }
        IdentityGraph.Resolution resolution = graph.storeAndResolve(records, new IncrementalMatching(model(), settings));
        resolution.changes().forEach(change -> counts.merge(change, 1, Integer::sum));
        ResolutionPlan plan = resolution.plan();
        if (plan.assignments().isEmpty() && resolution.separated().isEmpty()) {
            return new Outcome(Map.copyOf(counts), Set.of());
        }
        Set<ProfileId> changedProfiles = new HashSet<>(plan.assignments().values());
        changedProfiles.addAll(resolution.separated());
        Set<ProfileId> removed = Set.copyOf(plan.absorbedProfiles());
        changedProfiles.removeAll(removed);
        listener.profilesChanged(Set.copyOf(changedProfiles), removed);
        return new Outcome(Map.copyOf(counts), Set.copyOf(changedProfiles));
    }
}
