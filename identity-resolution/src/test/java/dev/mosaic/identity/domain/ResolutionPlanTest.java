package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ResolutionPlanTest {

    private final SourceRecordKey anna = new SourceRecordKey("crm", "1");
    private final SourceRecordKey annaWeb = new SourceRecordKey("webshop", "w-1");
    private final SourceRecordKey ben = new SourceRecordKey("crm", "2");

    @Test
    void foundsOneProfilePerUnlinkedRecordNamedAfterIt() {
        ResolutionPlan plan = ResolutionPlan.of(Map.of(anna, alone(), ben, alone()));

        assertThat(plan.assignments()).containsEntry(anna, ProfileId.foundedBy(anna))
                .containsEntry(ben, ProfileId.foundedBy(ben));
        assertThat(plan.merges()).isEmpty();
    }

    @Test
    void recordsLinkedInsideTheBatchShareOneProfileWhateverTheirOrder() {
        Map<SourceRecordKey, ResolutionPlan.Neighbourhood> oneOrder = new LinkedHashMap<>();
        oneOrder.put(annaWeb, linkedTo(Set.of(anna), Set.of()));
        oneOrder.put(anna, linkedTo(Set.of(annaWeb), Set.of()));
        Map<SourceRecordKey, ResolutionPlan.Neighbourhood> otherOrder = new LinkedHashMap<>();
        otherOrder.put(anna, linkedTo(Set.of(annaWeb), Set.of()));
        otherOrder.put(annaWeb, linkedTo(Set.of(anna), Set.of()));

        ResolutionPlan first = ResolutionPlan.of(oneOrder);
        ResolutionPlan second = ResolutionPlan.of(otherOrder);

        assertThat(first.assignments().get(anna)).isEqualTo(first.assignments().get(annaWeb))
                .isEqualTo(ProfileId.foundedBy(anna));
        assertThat(second.assignments()).isEqualTo(first.assignments());
    }

    @Test
    void joinsTheProfileOfALinkedRecordInTheGraph() {
        ProfileId existing = new ProfileId("b-profile");

        ResolutionPlan plan = ResolutionPlan.of(Map.of(annaWeb, linkedTo(Set.of(anna), Set.of(existing))));

        assertThat(plan.assignments()).containsEntry(annaWeb, existing);
        assertThat(plan.merges()).isEmpty();
    }

    @Test
    void aRecordBridgingProfilesMergesThemIntoTheSmallestId() {
        ProfileId a = new ProfileId("a-profile");
        ProfileId b = new ProfileId("b-profile");
        ProfileId c = new ProfileId("c-profile");

        ResolutionPlan plan = ResolutionPlan.of(Map.of(anna,
                new ResolutionPlan.Neighbourhood(Optional.of(c), Set.of(), Set.of(b, a))));

        assertThat(plan.assignments()).containsEntry(anna, a);
        assertThat(plan.merges()).containsEntry(a, Set.of(b, c));
        assertThat(plan.absorbedProfiles()).containsExactlyInAnyOrder(b, c);
    }

    private static ResolutionPlan.Neighbourhood alone() {
        return new ResolutionPlan.Neighbourhood(Optional.empty(), Set.of(), Set.of());
    }

    private static ResolutionPlan.Neighbourhood linkedTo(Set<SourceRecordKey> records, Set<ProfileId> profiles) {
        return new ResolutionPlan.Neighbourhood(Optional.empty(), records, profiles);
    }
}
