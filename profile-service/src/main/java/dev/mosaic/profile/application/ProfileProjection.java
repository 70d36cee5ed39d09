package dev.mosaic.profile.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.profile.domain.CategoryHistory;
import dev.mosaic.profile.domain.CxTouchpoint;
import dev.mosaic.profile.domain.GoldenRecord;
import dev.mosaic.profile.domain.PhoneKey;
import dev.mosaic.profile.domain.ProfileContent;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.ProjectionSchedule;
import dev.mosaic.profile.domain.PurchaseSummary;

/**
 * Keeps the profile read model in step with the identity graph, which stays the source of truth.
 * <p>
 * A profile is marked due in the {@link ProjectionSchedule} before it is projected, and settled only after its
 * document was written; when the read model does not answer, the mark stays and {@link #projectDue()} (run in the
 * background) projects it once the read model is back. After each projection the profile is due again when one of
 * its time-relative values changes by itself ({@link ProfileContent#changesAt()}), so a customer who stops buying is
 * flagged without any import.
 */
public final class ProfileProjection implements ProfileChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ProfileProjection.class);
    private static final int BATCH = 1000;

    private final IdentityGraph graph;
    private final ProfileReadModel readModel;
    private final Clock clock;
    private final ProfileRules rules;
    private final String defaultRegion;
    private final ProjectionSchedule schedule;
    private final int batchSize;
    private final Duration retryAfter;
    /** Versions of the read model's documents: microseconds of the wall clock, never twice the same. */
    private final AtomicLong lastVersion = new AtomicLong();
    /** A rebuild and the background projection of due profiles do not run at once: both may touch every profile. */
    private final ReentrantLock wholeReadModel = new ReentrantLock();

    public ProfileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock) {
        this(graph, readModel, clock, ProfileRules.DEFAULT, "DE");
    }

    /**
     * Without a schedule of its own (a benchmark's fill, a test): failed writes are thrown, not retried later.
     *
     * @param defaultRegion the country assumed for phone numbers of records that name none, as in the importer
     */
    public ProfileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock, ProfileRules rules,
                             String defaultRegion) {
        this(graph, readModel, clock, rules, defaultRegion, null, BATCH, Duration.ofMinutes(5));
    }

    /**
     * @param schedule   where profiles due for projection are remembered
     * @param batchSize  profiles projected per read of the graph and write of the read model
     * @param retryAfter how long a profile whose document the read model refused waits before it is tried again
     */
    public ProfileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock, ProfileRules rules,
                             String defaultRegion, ProjectionSchedule schedule, int batchSize, Duration retryAfter) {
        this.graph = graph;
        this.readModel = readModel;
        this.clock = clock;
        this.rules = rules;
        this.defaultRegion = defaultRegion;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.retryAfter = retryAfter;
    }

    /** Profiles marked due before a change of the graph, so they are projected even if this process stops first. */
    public record Pending(List<ProjectionSchedule.Entry> entries) {
    }

    /**
     * Projects the profiles that changed and deletes the documents of those that are gone. When the read model does
     * not answer, they stay due and are projected in the background later; the change of the graph stands.
     */
    @Override
    public void profilesChanged(Set<ProfileId> changed, Set<ProfileId> removed) {
        Set<ProfileId> all = new LinkedHashSet<>(changed);
        all.addAll(removed);
        for (List<ProfileId> batch : batches(List.copyOf(all), batchSize)) {
            project(expectChange(batch));
        }
    }

    /**
     * Marks the profiles due now, before the graph is changed: whatever happens after, they are projected again.
     * Without a schedule, nothing is remembered.
     */
    public Pending expectChange(Collection<ProfileId> profiles) {
        String mark = UUID.randomUUID().toString();
        List<String> ids = profiles.stream().map(ProfileId::value).distinct().toList();
        if (schedule != null) {
            schedule.markDue(ids, clock.instant(), mark);
        }
        return new Pending(ids.stream().map(id -> new ProjectionSchedule.Entry(id, mark)).toList());
    }

    /**
     * Projects the profiles as the graph holds them now: writes those it holds and deletes the documents of those it
     * does not. True when the read model holds them all as projected; false when it refused some or did not answer,
     * and they stay due for the background projection.
     */
    public boolean project(Pending pending) {
        return project(pending.entries()) == Outcome.DONE;
    }

    private enum Outcome { DONE, REFUSED, UNAVAILABLE }

    private Outcome project(List<ProjectionSchedule.Entry> entries) {
        if (entries.isEmpty()) {
            return Outcome.DONE;
        }
        long version = nextVersion();
        Map<String, ProjectionSchedule.Entry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.profileId(), entry));
        Instant now = clock.instant();
        List<ProfileView> views = new ArrayList<>();
        Map<String, Instant> changesAt = new HashMap<>();
        for (ResolvedProfile profile : graph.findProfiles(byId.keySet().stream().map(ProfileId::new).toList())) {
            ProfileContent content = ProfileContent.of(profile.records(), rules, now);
            views.add(toView(profile, content, now));
            if (content.changesAt() != null) {
                changesAt.put(profile.id().value(), content.changesAt());
            }
        }
        Set<String> held = views.stream().map(ProfileView::profileId).collect(Collectors.toSet());
        List<String> gone = byId.keySet().stream().filter(id -> !held.contains(id)).toList();
        ProfileReadModel.Refusals refusals;
        try {
            refusals = readModel.saveAll(views, gone, version);
        } catch (RuntimeException unavailable) {
            if (schedule == null) {
                throw unavailable;
            }
            log.warn("The profile read model did not answer ({}); {} profile(s) stay due and are projected when it "
                    + "answers again", describe(unavailable), entries.size());
            return Outcome.UNAVAILABLE;
        }
        if (schedule == null) {
            if (!refusals.profileIds().isEmpty()) {
                throw new IllegalStateException("The read model refused " + refusals.profileIds().size()
                        + " profile(s): " + refusals.reason());
            }
            return Outcome.DONE;
        }
        List<ProjectionSchedule.Settled> settled = new ArrayList<>();
        List<ProjectionSchedule.Entry> refused = new ArrayList<>();
        byId.forEach((id, entry) -> {
            if (refusals.profileIds().contains(id)) {
                refused.add(entry);
            } else {
                settled.add(new ProjectionSchedule.Settled(id, entry.mark(), next(changesAt.get(id), now)));
            }
        });
        schedule.settle(settled);
        if (refused.isEmpty()) {
            return Outcome.DONE;
        }
        schedule.postpone(refused, now.plus(retryAfter));
        log.warn("The profile read model refused {} profile(s) ({}), e.g. {}; tried again in {}", refused.size(),
                refusals.reason(), refused.getFirst().profileId(), retryAfter);
        return Outcome.REFUSED;
    }

    /** A change time already reached (a clock set back) must not make a profile due over and over. */
    private static Instant next(Instant changesAt, Instant now) {
        if (changesAt == null) {
            return null;
        }
        Instant soonest = now.plusSeconds(1);
        return changesAt.isBefore(soonest) ? soonest : changesAt;
    }

    /**
     * Projects the profiles that are due: those a write did not reach yet, and those whose time-relative values change
     * now. Stops when the read model does not answer; what is left stays due. Returns how many were projected.
     */
    public int projectDue() {
        if (schedule == null || !wholeReadModel.tryLock()) {
            return 0;
        }
        try {
            int projected = 0;
            while (true) {
                List<ProjectionSchedule.Entry> due = schedule.due(clock.instant(), batchSize);
                if (due.isEmpty()) {
                    return projected;
                }
                Outcome outcome = project(due);
                if (outcome == Outcome.UNAVAILABLE) {
                    return projected;
                }
                projected += due.size();
                if (due.size() < batchSize) {
                    return projected;
                }
            }
        } finally {
            wholeReadModel.unlock();
        }
    }

    /** How many profiles wait for projection now. */
    public long dueCount() {
        return schedule == null ? 0 : schedule.countDue(clock.instant());
    }

    /**
     * Projects every profile again into a fresh read model (a new layout, or the same one when the read model lost or
     * kept documents it should not), which then takes over from the old one: documents of profiles the graph no
     * longer holds are gone after it. When the read model fails meanwhile, the rebuild is given up and the old read
     * model keeps serving.
     */
    public int rebuild() {
        wholeReadModel.lock();
        try {
            readModel.beginRebuild();
            Set<ProfileId> all = graph.allProfileIds();
            for (List<ProfileId> batch : batches(List.copyOf(all), batchSize)) {
                Outcome outcome = project(expectChange(batch).entries());
                if (outcome != Outcome.DONE) {
                    readModel.abandonRebuild();
                    throw new IllegalStateException("The rebuild of the profile read model was given up: the read "
                            + "model " + (outcome == Outcome.REFUSED ? "refused documents" : "did not answer"));
                }
            }
            readModel.completeRebuild();
            return all.size();
        } finally {
            wholeReadModel.unlock();
        }
    }

    /** True when the read model does not hold as many profiles as the graph, or awaits a rebuild in a new layout. */
    public boolean isBehind() {
        return readModel.awaitsRebuild() || readModel.count() != graph.countProfiles();
    }

    private long nextVersion() {
        long micros = Math.multiplyExact(System.currentTimeMillis(), 1000L);
        return lastVersion.updateAndGet(last -> Math.max(last + 1, micros));
    }

    /** The kind of failure, not its message: a store's message may quote the data it was sent. */
    private static String describe(Throwable failure) {
        StringBuilder kinds = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            kinds.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return kinds.toString();
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    private ProfileView toView(ResolvedProfile profile, ProfileContent content, Instant now) {
        List<SourceRecord> records = profile.records();
        return new ProfileView(
                profile.id().value(),
                displayName(content.golden(), records),
                distinct(records, record -> record.email() == null ? null : record.email().value()),
                distinct(records, record -> record.phone() == null ? null : record.phone().toString()),
                distinct(records, record -> PhoneKey.of(record.phone(),
                        record.country() == null ? defaultRegion : record.country()).orElse(null)),
                distinct(records, SourceRecord::loyaltyId),
                distinct(records, SourceRecord::socialHandle),
                distinct(records, SourceRecord::city),
                content.golden(),
                content.purchases(),
                content.cx(),
                CategoryHistory.of(PurchaseSummary.lines(records)),
                records.stream().map(record -> new ProfileView.SourceRecordView(
                        record.key().source(), record.key().recordId(), record.kind().code(), record.firstName(),
                        record.lastName(), record.email() == null ? null : record.email().value(),
                        record.phone() == null ? null : record.phone().toString(),
                        record.birthDate() == null ? null : record.birthDate().toString(), record.city(),
                        record.country(), record.loyaltyId(), record.socialHandle(), record.occurredAt(),
                        record.warnings())).toList(),
                profile.links().stream().map(link -> new ProfileView.LinkView(link.from().toString(),
                        link.to().toString(), link.rule(), link.score(), link.evidence())).toList(),
                CxTouchpoint.of(records),
                now);
    }

    /** The golden first and last name; a record's full name when the golden record has neither. */
    private static String displayName(GoldenRecord golden, List<SourceRecord> records) {
        String name = Stream.of(golden.firstName().value(), golden.lastName().value()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return name.isBlank()
                ? records.stream().map(SourceRecord::displayName).filter(n -> !n.isBlank()).findFirst().orElse("")
                : name;
    }

    private static List<String> distinct(List<SourceRecord> records, Function<SourceRecord, String> value) {
        Set<String> values = new LinkedHashSet<>();
        records.stream().map(value).filter(Objects::nonNull).forEach(values::add);
        return List.copyOf(values);
    }
}
