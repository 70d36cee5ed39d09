package dev.mosaic.profile.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.Touchpoint;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.ProjectionSchedule;

/** How the projection keeps its schedule: what stays due, what is settled, and for when. */
class ProfileProjectionTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** The schedule as a map: profile id to due time and mark. */
    static final class InMemorySchedule implements ProjectionSchedule {

        record Due(Instant at, String mark) {
        }

        final Map<String, Due> entries = new LinkedHashMap<>();

        @Override
        public void markDue(Collection<String> profileIds, Instant at, String mark) {
            profileIds.forEach(id -> entries.put(id, new Due(at, mark)));
        }

        @Override
        public List<Entry> due(Instant now, int limit) {
            return entries.entrySet().stream().filter(entry -> !entry.getValue().at().isAfter(now)).limit(limit)
                    .map(entry -> new Entry(entry.getKey(), entry.getValue().mark())).toList();
        }

        @Override
        public void settle(Collection<Settled> settled) {
            for (Settled entry : settled) {
                Due due = entries.get(entry.profileId());
                if (due != null && due.mark().equals(entry.mark())) {
                    if (entry.next() == null) {
                        entries.remove(entry.profileId());
                    } else {
                        entries.put(entry.profileId(), new Due(entry.next(), due.mark()));
                    }
                }
            }
        }

        @Override
        public void postpone(Collection<Entry> due, Instant until) {
            for (Entry entry : due) {
                Due held = entries.get(entry.profileId());
                if (held != null && held.mark().equals(entry.mark())) {
                    entries.put(entry.profileId(), new Due(until, held.mark()));
                }
            }
        }

        @Override
        public long countDue(Instant now) {
            return due(now, Integer.MAX_VALUE).size();
        }
    }

    /** A read model that records what it was sent and can be told to fail. */
    static final class Writes {

        final Map<String, Long> written = new LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();
        boolean unavailable;
        Set<String> refused = Set.of();
        Runnable duringWrite = () -> { };
        boolean abandoned;

        ProfileReadModel readModel() {
            return (ProfileReadModel) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProfileReadModel.class}, (proxy, method, arguments) -> switch (method.getName()) {
                        case "saveAll" -> {
                            duringWrite.run();
                            if (unavailable) {
                                throw new UncheckedIOException(new java.io.IOException("connection refused"));
                            }
                            @SuppressWarnings("unchecked")
                            Collection<ProfileView> views = (Collection<ProfileView>) arguments[0];
                            @SuppressWarnings("unchecked")
                            Collection<String> gone = (Collection<String>) arguments[1];
                            views.stream().filter(view -> !refused.contains(view.profileId()))
                                    .forEach(view -> written.put(view.profileId(), (Long) arguments[2]));
                            deleted.addAll(gone);
                            yield new ProfileReadModel.Refusals(refused, refused.isEmpty() ? null : "document_parsing_exception");
                        }
                        case "abandonRebuild" -> {
                            abandoned = true;
                            yield null;
                        }
                        case "awaitsRebuild" -> false;
                        case "count" -> 0L;
                        default -> null;
                    });
        }
    }

    private static IdentityGraph graph(Map<String, List<SourceRecord>> profiles) {
        return (IdentityGraph) Proxy.newProxyInstance(ProfileProjectionTest.class.getClassLoader(),
                new Class<?>[] {IdentityGraph.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "findProfiles" -> {
                        @SuppressWarnings("unchecked")
                        Collection<ProfileId> ids = (Collection<ProfileId>) arguments[0];
                        yield ids.stream().filter(id -> profiles.containsKey(id.value()))
                                .map(id -> new ResolvedProfile(id, profiles.get(id.value()), List.of())).toList();
                    }
                    case "allProfileIds" -> profiles.keySet().stream().map(ProfileId::new)
                            .collect(java.util.stream.Collectors.toSet());
                    case "countProfiles" -> (long) profiles.size();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SourceRecord customer(String id) {
        return SourceRecord.contact(new SourceRecordKey("crm", id), "Anna", "Schmidt", null);
    }

    private static SourceRecord openTicket(String id, Instant openedAt) {
        return new SourceRecord(new SourceRecordKey("helpdesk", id), RecordKind.TICKET, null, null, null, null, null,
                null, null, null, null, null, openedAt, new Touchpoint.SupportTicket(openedAt, null, null, "email",
                null, "open", "subject", null, null), Map.of(), null);
    }

    private final InMemorySchedule schedule = new InMemorySchedule();
    private final Writes writes = new Writes();

    private ProfileProjection projection(Map<String, List<SourceRecord>> profiles) {
        return new ProfileProjection(graph(profiles), writes.readModel(), Clock.fixed(NOW, ZoneOffset.UTC),
                ProfileRules.DEFAULT, "DE", schedule, 1000, Duration.ofMinutes(5));
    }

    @Test
    void aProfileTheReadModelDidNotTakeStaysDueAndIsWrittenOnceItAnswers() {
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1"))));
        writes.unavailable = true;

        projection.profilesChanged(Set.of(new ProfileId("p-1")), Set.of());

        assertThat(writes.written).isEmpty();
        assertThat(projection.dueCount()).isEqualTo(1);
        assertThat(projection.projectDue()).isZero();
        writes.unavailable = false;
        assertThat(projection.projectDue()).isEqualTo(1);
        assertThat(writes.written).containsKey("p-1");
        assertThat(schedule.entries).as("nothing changes by itself for a bare customer").isEmpty();
    }

    @Test
    void aProfileIsDueAgainWhenItsTimeRelativeValuesChangeByThemselves() {
        Instant openedAt = NOW.minus(Duration.ofHours(1));
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1"), openTicket("T1", openedAt))));

        projection.profilesChanged(Set.of(new ProfileId("p-1")), Set.of());

        assertThat(schedule.entries.get("p-1").at()).as("48 hours after the ticket opened, and a second")
                .isEqualTo(openedAt.plus(Duration.ofHours(48)).plusSeconds(1));
        assertThat(projection.dueCount()).isZero();
    }

    @Test
    void aProfileTheGraphNoLongerHoldsIsDeletedFromTheReadModel() {
        ProfileProjection projection = projection(Map.of());

        projection.profilesChanged(Set.of(), Set.of(new ProfileId("p-gone")));

        assertThat(writes.deleted).containsExactly("p-gone");
        assertThat(schedule.entries).isEmpty();
    }

    @Test
    void aChangeMarkedWhileAProjectionIsUnderWayIsNotSettledByIt() {
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1"))));
        schedule.markDue(List.of("p-1"), NOW, "earlier");
        // An import marks the profile again while the background projection writes what it read before.
        writes.duringWrite = () -> {
            writes.duringWrite = () -> { };
            projection.expectChange(List.of(new ProfileId("p-1")));
        };

        projection.projectDue();

        assertThat(schedule.entries).as("still due under the import's mark").containsKey("p-1");
        assertThat(schedule.entries.get("p-1").mark()).isNotEqualTo("earlier");
    }

    @Test
    void aDocumentTheReadModelRefusesWaitsWhileTheOthersGoOn() {
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1")), "p-2", List.of(customer("2"))));
        writes.refused = Set.of("p-1");

        projection.profilesChanged(Set.of(new ProfileId("p-1"), new ProfileId("p-2")), Set.of());

        assertThat(writes.written).containsOnlyKeys("p-2");
        assertThat(schedule.entries.get("p-1").at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.entries).doesNotContainKey("p-2");
    }

    @Test
    void versionsRiseSoTheReadModelKeepsTheLaterOfTwoWrites() {
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1"))));
        projection.profilesChanged(Set.of(new ProfileId("p-1")), Set.of());
        long first = writes.written.get("p-1");
        projection.profilesChanged(Set.of(new ProfileId("p-1")), Set.of());

        assertThat(writes.written.get("p-1")).isGreaterThan(first);
    }

    @Test
    void aRebuildTheReadModelCannotFinishIsGivenUpAndTheOldOneKeepsServing() {
        ProfileProjection projection = projection(Map.of("p-1", List.of(customer("1"))));
        writes.unavailable = true;

        assertThatThrownBy(projection::rebuild).isInstanceOf(IllegalStateException.class);
        assertThat(writes.abandoned).isTrue();
    }
}
