package dev.mosaic.profile.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import dev.mosaic.profile.domain.PurchaseSummary;

/** Keeps the profile read model in step with the identity graph, which stays the source of truth. */
public final class ProfileProjection implements ProfileChangeListener {

    private final IdentityGraph graph;
    private final ProfileReadModel readModel;
    private final Clock clock;
    private final ProfileRules rules;
    private final String defaultRegion;

    public ProfileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock) {
        this(graph, readModel, clock, ProfileRules.DEFAULT, "DE");
    }

    /**
     * @param defaultRegion the country assumed for phone numbers of records that name none, as in the importer
     */
    public ProfileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock, ProfileRules rules,
                             String defaultRegion) {
        this.graph = graph;
        this.readModel = readModel;
        this.clock = clock;
        this.rules = rules;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public void profilesChanged(Set<ProfileId> changed, Set<ProfileId> removed) {
        // In batches, so a full rebuild of a large graph streams instead of holding every profile at once.
        for (List<ProfileId> batch : batches(List.copyOf(changed), 1000)) {
            readModel.saveAll(graph.findProfiles(batch).stream().map(this::toView).toList());
        }
        readModel.deleteAll(removed.stream().map(ProfileId::value).toList());
    }

    /**
     * Projects every profile again, e.g. after the read model was lost or is behind the graph, or into a read model
     * of a new layout, which then takes over from the old one.
     */
    public int rebuild() {
        Set<ProfileId> all = graph.allProfileIds();
        profilesChanged(all, Set.of());
        readModel.completeRebuild();
        return all.size();
    }

    /** True when the read model does not hold as many profiles as the graph, or awaits a rebuild in a new layout. */
    public boolean isBehind() {
        return readModel.awaitsRebuild() || readModel.count() != graph.countProfiles();
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    ProfileView toView(ResolvedProfile profile) {
        List<SourceRecord> records = profile.records();
        Instant now = clock.instant();
        ProfileContent content = ProfileContent.of(records, rules, now);
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
                        record.country(), record.loyaltyId(), record.warnings())).toList(),
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
