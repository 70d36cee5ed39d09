package dev.mosaic.identity.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

class IncrementalMatchingTest {

    private final IncrementalMatching matching =
            new IncrementalMatching(MatchModel.defaults(), ResolutionEngine.Settings.defaults());

    @Test
    void aNewRecordJoinsTheProfileOfTheCandidateItMatches() {
        ProfileId anna = new ProfileId("p-anna");
        IncrementalResolver.Decision decision = matching.decide(neighbourhood(
                List.of(person("webshop", "w1", "Anna", "Schmidt", "1970-02-01", "anna@web.example")),
                List.of(new IncrementalResolver.Candidate(
                        person("crm", "1", "Anna", "Schmidt", "1970-02-01", "anna@web.example"), anna))));

        assertThat(decision.plan().assignments()).containsEntry(new SourceRecordKey("webshop", "w1"), anna);
        assertThat(decision.links()).singleElement().satisfies(link -> assertThat(link.rule()).isEqualTo("exact_email"));
    }

    @Test
    void aNewRecordThatMatchesTwoProfilesMergesThemIntoTheSmallestId() {
        ProfileId a = new ProfileId("a");
        ProfileId b = new ProfileId("b");
        IncrementalResolver.Decision decision = matching.decide(neighbourhood(
                List.of(person("webshop", "w1", "Jürgen", "Müller", "1970-03-02", "j@m.example")),
                List.of(new IncrementalResolver.Candidate(person("crm", "1", "Juergen", "Mueller", "1970-03-02",
                                "j@m.example"), a),
                        new IncrementalResolver.Candidate(person("loyalty", "7", "Jürgen", "Müller", "1970-03-02",
                                "j@m.example"), b))));

        assertThat(decision.plan().merges()).containsEntry(a, Set.of(b));
        assertThat(decision.plan().assignments()).containsEntry(new SourceRecordKey("webshop", "w1"), a);
    }

    @Test
    void aPlaceholderEmailLinksNobodyAndIsReportedAsNewlyGeneric() {
        IncrementalResolver.Decision decision = matching.decide(neighbourhood(
                List.of(person("pos", "2", "Jan", "Nowak", null, "noemail@shop.example")),
                List.of(new IncrementalResolver.Candidate(person("pos", "1", "Jan", "Kowalski", null,
                        "noemail@shop.example"), new ProfileId("k")))));

        assertThat(decision.links()).isEmpty();
        assertThat(decision.plan().assignments().get(new SourceRecordKey("pos", "2"))).isNotEqualTo(new ProfileId("k"));
        assertThat(decision.newlyGeneric()).extracting(value -> value.identifier().value())
                .containsExactly("noemail@shop.example");
    }

    @Test
    void aValueSharedOnlyAmongTheNeighboursIsNotReportedAsNewlyGeneric() {
        // The family mailbox is the neighbours' affair, judged by the full run over all its holders; the new record
        // does not carry it, so this batch has nothing new to say about it.
        IncrementalResolver.Decision decision = matching.decide(neighbourhood(
                List.of(person("webshop", "w9", "Anna", "Schmidt", "1970-02-01", "anna@web.example")),
                List.of(new IncrementalResolver.Candidate(person("crm", "1", "Anna", "Schmidt", "1970-02-01",
                                "familie@schmidt.example"), new ProfileId("anna")),
                        new IncrementalResolver.Candidate(person("crm", "2", "Peter", "Schmidt", "1968-11-23",
                                "familie@schmidt.example"), new ProfileId("peter")))));

        assertThat(decision.newlyGeneric()).isEmpty();
    }

    @Test
    void onlyTheProfilesABatchRecordScoresAgainstAreInReach() {
        // Same surname and birth date block them together, but only Jürgen's profile could take the new record in.
        Set<ProfileId> inReach = matching.profilesInReach(neighbourhood(
                List.of(person("webshop", "w1", "Jürgen", "Müller", "1970-03-02", "j@m.example")),
                List.of(new IncrementalResolver.Candidate(person("crm", "1", "Juergen", "Mueller", "1970-03-02",
                                "j@m.example"), new ProfileId("juergen")),
                        new IncrementalResolver.Candidate(person("crm", "2", "Hannelore", "Müller", "1970-03-02",
                                "hannelore@m.example"), new ProfileId("hannelore")))));

        assertThat(inReach).containsExactly(new ProfileId("juergen"));
    }

    @Test
    void aCandidateWithoutAProfileYetHelpsMatchingButOffersNoProfile() {
        // Stored by a deferred import whose full run has not come yet.
        IncrementalResolver.Decision decision = matching.decide(neighbourhood(
                List.of(person("webshop", "w1", "Anna", "Schmidt", "1970-02-01", "anna@web.example")),
                List.of(new IncrementalResolver.Candidate(
                        person("crm", "1", "Anna", "Schmidt", "1970-02-01", "anna@web.example"), null))));

        assertThat(decision.plan().assignments()).containsKey(new SourceRecordKey("webshop", "w1"));
        assertThat(decision.plan().merges()).isEmpty();
    }

    @Test
    void aRecordMatchingBothSidesOfAStewardsSplitJoinsNeither() {
        ProfileId a = new ProfileId("a");
        ProfileId b = new ProfileId("b");
        SourceRecord crm = person("crm", "1", "Jürgen", "Müller", "1970-03-02", "j@m.example");
        SourceRecord loyalty = person("loyalty", "7", "Jürgen", "Müller", "1970-03-02", "j@m.example");
        IncrementalResolver.Decision decision = matching.decide(new IncrementalResolver.Neighbourhood(
                List.of(person("webshop", "w1", "Jürgen", "Müller", "1970-03-02", "j@m.example")), Map.of(),
                List.of(new IncrementalResolver.Candidate(crm, a), new IncrementalResolver.Candidate(loyalty, b)),
                Set.of(), GenericIdentifiers.Overrides.none(), Map.of(
                        crm.key(), Set.of(new Constraints.SplitSide("d1", "a")),
                        loyalty.key(), Set.of(new Constraints.SplitSide("d1", "b")))));

        assertThat(decision.plan().merges()).isEmpty();
    }

    @Test
    void aChangedRecordThatNoLongerFitsItsProfileStaysRatherThanCarryingItIntoAnother() {
        ProfileId anna = new ProfileId("anna");
        ProfileId peter = new ProfileId("peter");
        SourceRecord changed = person("crm", "2", "Peter", "Weiss", "1961-04-12", "peter@weiss.example");
        IncrementalResolver.Decision decision = matching.decide(new IncrementalResolver.Neighbourhood(
                List.of(changed), Map.of(changed.key(), anna),
                List.of(new IncrementalResolver.Candidate(
                                person("crm", "1", "Anna", "Weiss", "1970-02-01", "anna@weiss.example"), anna),
                        new IncrementalResolver.Candidate(
                                person("webshop", "9", "Peter", "Weiss", "1961-04-12", "peter@weiss.example"), peter)),
                Set.of(), GenericIdentifiers.Overrides.none(), Map.of()));

        assertThat(decision.plan().merges()).isEmpty();
        assertThat(decision.plan().assignments()).containsEntry(changed.key(), anna);
    }

    private static IncrementalResolver.Neighbourhood neighbourhood(List<SourceRecord> batch,
                                                                   List<IncrementalResolver.Candidate> candidates) {
        return new IncrementalResolver.Neighbourhood(batch, Map.of(), candidates, Set.of(),
                GenericIdentifiers.Overrides.none());
    }

    private static SourceRecord person(String source, String id, String first, String last, String birthDate,
                                       String email) {
        return new SourceRecord(new SourceRecordKey(source, id), RecordKind.CUSTOMER, first, last,
                new EmailAddress(email), null, birthDate == null ? null : LocalDate.parse(birthDate), null, null,
                "DE", null, null, null, null, null, null);
    }
}
