package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProfileAssignmentTest {

    private final SourceRecordKey record = new SourceRecordKey("crm", "42");

    @Test
    void foundsAStableNewProfileWhenTheRecordSharesNothing() {
        ProfileAssignment first = ProfileAssignment.decide(record, Optional.empty(), Set.of());
        ProfileAssignment again = ProfileAssignment.decide(record, Optional.empty(), Set.of());

        assertThat(first.target()).isEqualTo(again.target()).isEqualTo(ProfileId.foundedBy(record));
        assertThat(first.absorbed()).isEmpty();
    }

    @Test
    void joinsTheProfileOfALinkedRecord() {
        ProfileId existing = new ProfileId("b-profile");

        ProfileAssignment assignment = ProfileAssignment.decide(record, Optional.empty(), Set.of(existing));

        assertThat(assignment.target()).isEqualTo(existing);
        assertThat(assignment.absorbed()).isEmpty();
    }

    @Test
    void mergesTheProfilesItBridgesIntoTheSmallestId() {
        ProfileId a = new ProfileId("a-profile");
        ProfileId b = new ProfileId("b-profile");
        ProfileId c = new ProfileId("c-profile");

        ProfileAssignment assignment = ProfileAssignment.decide(record, Optional.of(c), Set.of(b, a));

        assertThat(assignment.target()).isEqualTo(a);
        assertThat(assignment.absorbed()).containsExactlyInAnyOrder(b, c);
    }
}
