package dev.mosaic.identity.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

class MatchingRulesTest {

    @Test
    void comparesNamesByTheirBestLevel() {
        NameComparison first = NameComparison.firstName();
        assertThat(level(first, person("Jürgen", "Müller"), person("Juergen", "Mueller"))).isEqualTo("exact");
        assertThat(level(first, person("Bob", "Smith"), person("Robert", "Smith"))).isEqualTo("nickname");
        assertThat(level(first, person("J.", "Smith"), person("John", "Smith"))).isEqualTo("initial");
        assertThat(level(first, person("Smith", "John"), person("John", "Smith"))).isEqualTo("swapped");
        assertThat(level(first, person("Anna", "Schmidt"), person("Peter", "Schmidt"))).isEqualTo("different");
    }

    @Test
    void toleratesABirthDateTypoButNotAnotherDate() {
        BirthDateComparison dates = new BirthDateComparison();
        assertThat(dates.levels().get(dates.compare(born("1970-03-02"), born("1970-02-03")))).isEqualTo("one_part_differs");
        assertThat(dates.levels().get(dates.compare(born("1970-03-02"), born("1907-03-02")))).isEqualTo("one_part_differs");
        assertThat(BirthDateComparison.clearlyDifferent(LocalDate.parse("1961-04-12"), LocalDate.parse("1994-09-30")))
                .isTrue();
    }

    @Test
    void findsPlaceholdersAndFamilyMailboxesButNotOnePersonsVariants() {
        assertThat(GenericIdentifiers.placeholder(new IdentifierValue(IdentifierField.EMAIL, "noemail@shop.example")))
                .isTrue();
        assertThat(GenericIdentifiers.sharedByDifferentPeople(List.of(person("Anna", "Schmidt"), person("Peter", "Schmidt"))))
                .contains("2 people");
        assertThat(GenericIdentifiers.sharedByDifferentPeople(List.of(person("Katharina", "Weber"), person("Kathrin", "Weber"),
                person("K.", "Weber"), person("Weber", "Katharina")))).isNull();
    }

    @Test
    void countsThePeopleOnAValueWhicheverRecordComesFirst() {
        List<MatchRecord> clara = List.of(person("Klara", "Berger"), person("C.", "Berger"), person("Clara", "Berger"),
                person("Clara", "Berger-Neumann"));
        for (int start = 0; start < clara.size(); start++) {
            List<MatchRecord> rotated = new java.util.ArrayList<>(clara.subList(start, clara.size()));
            rotated.addAll(clara.subList(0, start));
            assertThat(GenericIdentifiers.sharedByDifferentPeople(rotated)).as("starting at " + start).isNull();
        }
        // An initial matches both people of a family mailbox; it joins neither.
        assertThat(GenericIdentifiers.sharedByDifferentPeople(List.of(person("Clara", "Berger"), person("C.", "Berger"),
                person("Christian", "Berger")))).contains("2 people");
        // The store's own phone on walk-in sales: past 50 different first names it is generic without comparing them
        // all; any number of surnames under one first name is still one person here.
        List<MatchRecord> walkIns = new java.util.ArrayList<>();
        List<MatchRecord> annas = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            walkIns.add(person("Kundin" + i, "Weber"));
            annas.add(person("Anna", "Kunde" + i));
        }
        assertThat(GenericIdentifiers.sharedByDifferentPeople(walkIns)).contains("more than 50 different first names");
        assertThat(GenericIdentifiers.sharedByDifferentPeople(annas)).isNull();
    }

    @Test
    void aSingleWeakLinkDoesNotGlueTwoEstablishedGroups() {
        List<MatchRecord> records = List.of(person("Anna", "Berg"), person("Anna", "Berg"), person("Anna", "Berg"),
                person("Anna", "Berg"));
        List<Set<Constraints.SplitSide>> sides = List.of(Set.of(), Set.of(), Set.of(), Set.of());
        Clustering.Result result = new Clustering(Clustering.Thresholds.defaults()).cluster(records, sides, List.of(
                new ScoredPair(0, 1, 0.9999, "probabilistic"), new ScoredPair(2, 3, 0.9999, "probabilistic"),
                new ScoredPair(1, 2, 0.96, "probabilistic")));

        assertThat(result.clusterOf()).containsExactly(0, 0, 2, 2);
        assertThat(result.review()).singleElement().satisfies(pair ->
                assertThat(pair.reason()).isEqualTo("a single weak link between two groups"));
    }

    @Test
    void keepsTwoGroupsApartWhoseFirstNamesCannotBeOnePersons() {
        List<MatchRecord> records = List.of(person("Anna", "Berg"), person("Anna", "Berg"), person("Peter", "Berg"),
                person("Peter", "Berg"));
        List<Set<Constraints.SplitSide>> sides = List.of(Set.of(), Set.of(), Set.of(), Set.of());
        Clustering.Result result = new Clustering(Clustering.Thresholds.defaults()).cluster(records, sides, List.of(
                new ScoredPair(0, 1, 0.9999, "probabilistic"), new ScoredPair(2, 3, 0.9999, "probabilistic"),
                new ScoredPair(1, 2, 0.999, "probabilistic"), new ScoredPair(0, 3, 0.999, "probabilistic")));

        assertThat(result.clusterOf()).containsExactly(0, 0, 2, 2);
        assertThat(result.review()).allSatisfy(pair -> assertThat(pair.reason()).contains("first names differ"));
    }

    @Test
    void queuesTwoGroupsForReviewOnceByTheirStrongestPair() {
        List<MatchRecord> records = List.of(person("Anna", "Berg"), person("Anna", "Berg"), person("Anna", "Berg"),
                person("Anna", "Berg"), person("Anna", "Berg"));
        List<Set<Constraints.SplitSide>> sides = List.of(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        Clustering.Result result = new Clustering(Clustering.Thresholds.defaults()).cluster(records, sides, List.of(
                new ScoredPair(0, 1, 0.9999, "probabilistic"), new ScoredPair(2, 3, 0.9999, "probabilistic"),
                new ScoredPair(0, 2, 0.70, "probabilistic"), new ScoredPair(1, 3, 0.80, "probabilistic"),
                new ScoredPair(1, 2, 0.60, "probabilistic"), new ScoredPair(3, 4, 0.55, "probabilistic")));

        assertThat(result.clusterOf()).containsExactly(0, 0, 2, 2, 4);
        assertThat(result.review()).extracting(pair -> pair.first() + "-" + pair.second() + " " + pair.probability())
                .containsExactlyInAnyOrder("1-3 0.8", "3-4 0.55");
    }

    @Test
    void keepsOppositeSidesOfAStewardsSplitApart() {
        List<MatchRecord> records = List.of(person("A", "One"), person("A", "One"));
        Constraints.SplitSide a = new Constraints.SplitSide("d1", "a");
        Constraints.SplitSide b = new Constraints.SplitSide("d1", "b");
        Clustering.Result result = new Clustering(Clustering.Thresholds.defaults()).cluster(records,
                List.of(Set.of(a), Set.of(b)), List.of(new ScoredPair(0, 1, 0.99999, "exact_email")));

        assertThat(result.clusterOf()).containsExactly(0, 1);
        assertThat(result.review()).singleElement().satisfies(pair -> assertThat(pair.reason()).contains("steward split"));
    }

    @Test
    void measuresPairwiseAccuracyAgainstTruth() {
        PairwiseAccuracy accuracy = PairwiseAccuracy.of(List.of("p1", "p1", "p1", "p2"), List.of(1, 1, 2, 2));

        assertThat(accuracy.truePairs()).isEqualTo(3);
        assertThat(accuracy.predictedPairs()).isEqualTo(2);
        assertThat(accuracy.correctPairs()).isEqualTo(1);
        assertThat(accuracy.overMergedProfiles()).isEqualTo(1);
        assertThat(accuracy.splitPeople()).isEqualTo(1);
    }

    @Test
    void theDefaultModelReadsBackAndWeighsAnExactBirthDateAsEvidence() {
        MatchModel model = MatchModel.defaults();
        MatchScore score = model.score(born("1970-03-02"), born("1970-03-02"));

        assertThat(score.contributions()).anySatisfy(field -> {
            assertThat(field.field()).isEqualTo("birth_date");
            assertThat(field.weight()).isGreaterThan(5);
        });
        assertThat(MatchModel.decode(model.encode()).encode()).isEqualTo(model.encode());
    }

    private static String level(Comparison comparison, MatchRecord a, MatchRecord b) {
        return comparison.levels().get(comparison.compare(a, b));
    }

    private static MatchRecord person(String first, String last) {
        return MatchRecord.of(SourceRecord.contact(new SourceRecordKey("t", first + last), first, last,
                (EmailAddress) null));
    }

    private static MatchRecord born(String date) {
        return MatchRecord.of(new SourceRecord(new SourceRecordKey("t", date), RecordKind.CUSTOMER, null, null, null,
                null, LocalDate.parse(date), null, null, null, null, null, null, null, null, null));
    }
}
