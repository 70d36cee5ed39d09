package dev.mosaic.identity.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

class ComparisonsTest {

    private static int counter;

    @Test
    void countsAnAddressOnceAndTellsNeighboursFromOneHome() {
        AddressComparison address = new AddressComparison();
        MatchRecord home = at("Dorfstraße 13", "8406", "Winterthur");

        assertThat(level(address, home, at("Dorfstr. 13", "8406", "Winterthur"))).isEqualTo("same_street");
        assertThat(level(address, home, at("Dorfstr 1b", "8406", "Winterthur"))).isEqualTo("same_street_other_number");
        assertThat(level(address, home, at(null, "8406", null))).isEqualTo("same_postal_code");
        assertThat(level(address, home, at("Bahnhofstrasse 2", "8406", "Winterthur")))
                .isEqualTo("same_postal_code_other_street");
        assertThat(level(address, home, at("Dorfstrasse 13", "8001", "Zürich"))).isEqualTo("different");
        // One city under two names (Köln, Cologne) in one postal code is still that postal code.
        assertThat(level(address, home, at("Dorfstrasse 13", "8406", "Winterthour"))).isEqualTo("same_street");
        // A mistyped postal code, or one a spreadsheet stripped of its leading zero, is still the address.
        assertThat(level(address, at("Neustadt 4", "01067", "Dresden"), at("Neustadt 4", "1067", "Dresden")))
                .isEqualTo("same_street");
        assertThat(level(address, home, at("Dorfstrasse 13", "8046", "Winterthur"))).isEqualTo("same_street");
        assertThat(address.compare(at(null, null, null), home)).isEqualTo(Comparison.UNKNOWN);
    }

    @Test
    void anEmailMadeOfTheNameSaysNothingAtAnotherProviderAndDigitsAreNoTypo() {
        EmailComparison email = new EmailComparison();
        MatchRecord jean = mailing("Jean", "Martin", "jean.martin@sfr.example");

        assertThat(email.compare(jean, mailing("Jean", "Martin", "jean.martin@orange.example")))
                .isEqualTo(Comparison.UNKNOWN);
        assertThat(level(email, mailing("Jean", "Martin", "jmartin84@sfr.example"),
                mailing("Jean", "Martin", "jmartin84@orange.example"))).isEqualTo("same_local_part");
        assertThat(level(email, jean, mailing("Jean", "Martin", "jean.martin84@sfr.example"))).isEqualTo("different");
        assertThat(level(email, jean, mailing("Jean", "Martin", "jean.marton@sfr.example"))).isEqualTo("one_typo");
        assertThat(level(email, jean, mailing("Jean", "Martin", "jean.martin@sfr.example"))).isEqualTo("exact");
    }

    @Test
    void aNumberReadInTheWrongCountryIsStillTheSameNationalNumber() {
        PhoneComparison phone = new PhoneComparison();
        assertThat(level(phone, calling("+43 680 4972466"), calling("+49 680 4972466"))).isEqualTo("same_national_number");
        assertThat(level(phone, calling("+49 151 23456789"), calling("0151 23456789"))).isEqualTo("exact");
        assertThat(level(phone, calling("+49 151 23456789"), calling("+49 151 23456798"))).isEqualTo("one_typo");
        assertThat(PhoneNumber.nationalNumber("+41791234567")).isEqualTo("791234567");
    }

    @Test
    void twoEstablishedNamesATypoApartAreTwoNamesButAShortFormOrSpellingIsOne() {
        List<MatchRecord> records = FirstNames.of(Set.of("christian", "christina", "katharina", "kathi", "juergen",
                "jurgen", "paul", "paula")).mark(List.of(person("Christian", "Vogel"), person("Christina", "Vogel"),
                person("Katharina", "Vogel"), person("Kathi", "Vogel"), person("Jürgen", "Vogel"),
                person("Jurgen", "Vogel"), person("Paul", "Vogel"), person("Paula", "Vogel"), person("Christain", "Vogel")));
        NameComparison first = NameComparison.firstName();

        assertThat(level(first, records.get(0), records.get(1))).isEqualTo("different");
        assertThat(NameComparison.mayBeSamePerson(records.get(6), records.get(7))).isFalse();
        assertThat(NameComparison.mayBeSamePerson(records.get(2), records.get(3))).isTrue();
        assertThat(NameComparison.mayBeSamePerson(records.get(4), records.get(5))).isTrue();
        // A rare spelling next to an established name is a typo of it.
        assertThat(NameComparison.mayBeSamePerson(records.get(0), records.get(8))).isTrue();
        assertThat(level(first, records.get(0), records.get(8))).isNotEqualTo("different");
    }

    @Test
    void oneNameSpeltTwoWaysIsOnePersonsEvenWhenBothSpellingsAreEstablished() {
        List<MatchRecord> records = FirstNames.of(Set.of("clara", "klara", "stephan", "stefan", "christian", "kristian"))
                .mark(List.of(person("Clara", "Berger"), person("Klara", "Berger"), person("Stephan", "Vogel"),
                        person("Stefan", "Vogel"), person("Christian", "Vogel"), person("Kristian", "Vogel")));

        assertThat(NameComparison.mayBeSamePerson(records.get(0), records.get(1))).isTrue();
        assertThat(level(NameComparison.firstName(), records.get(0), records.get(1))).isNotEqualTo("different");
        assertThat(NameComparison.mayBeSamePerson(records.get(2), records.get(3))).isTrue();
        // Only a C before a, o, u, l or r is a K: Christian and Kristian stay two established names a typo apart.
        assertThat(NameComparison.mayBeSamePerson(records.get(4), records.get(5))).isFalse();
    }

    @Test
    void knowsShortFormsMadeTheUsualWay() {
        assertThat(NameComparison.shortFormOf("micha", "michael")).isTrue();
        assertThat(NameComparison.shortFormOf("luki", "lukas")).isTrue();
        assertThat(NameComparison.shortFormOf("bernie", "bernd")).isTrue();
        assertThat(NameComparison.shortFormOf("lotte", "charlotte")).isTrue();
        assertThat(NameComparison.shortFormOf("paula", "paul")).isFalse();
        assertThat(NameComparison.shortFormOf("christina", "christian")).isFalse();
    }

    @Test
    void findsEstablishedNamesByTheirShareOfTheRecords() {
        List<MatchRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(person("Anna", "Roth"));
        }
        records.add(person("Anan", "Roth"));
        FirstNames names = FirstNames.establishedIn(records);

        assertThat(names.isEstablished("anna")).isTrue();
        assertThat(names.isEstablished("anan")).isFalse();
        assertThat(MatchModel.decode(MatchModel.defaults().withFirstNames(names).encode()).firstNames().all())
                .containsExactly("anna");
    }

    @Test
    void guardsOnlyFieldsWhoseDisagreementTheDataShowsToBeRare() {
        MatchModel model = MatchModel.defaults();
        assertThat(Clustering.Guards.of(model)).isEqualTo(new Clustering.Guards(true, true));

        double[][] m = new double[model.comparisons().size()][];
        double[][] u = new double[model.comparisons().size()][];
        for (int c = 0; c < m.length; c++) {
            int levels = model.comparisons().get(c).levels().size();
            m[c] = new double[levels];
            u[c] = new double[levels];
            for (int level = 0; level < levels; level++) {
                m[c][level] = model.m(c, level);
                u[c][level] = model.u(c, level);
            }
            if (model.comparisons().get(c).field().equals("birth_date")) {
                m[c][levels - 1] = 0.06;  // a register whose clerks replace dates now and then
            }
        }
        MatchModel replacingDates = new MatchModel(model.comparisons(), m, u, model.priorMatchProbability(), Map.of());
        assertThat(Clustering.Guards.of(replacingDates)).isEqualTo(new Clustering.Guards(false, true));
    }

    @Test
    void keepsAHouseholdAtOneAddressApartUnlessEverythingElseAgrees() {
        MatchRecord julia = at("Julia", "Becker", "Blumenstr. 161", "10777", "Berlin");
        MatchRecord marie = at("Marie", "Becker", "Blumenstrasse 161", "10777", "Berlin");
        MatchModel model = MatchModel.defaults();

        // The address counts once: far from enough to make two first names one person.
        assertThat(model.score(julia, marie).probability()).isLessThan(Clustering.Thresholds.defaults().match());
        Clustering.Result result = new Clustering(Clustering.Thresholds.defaults()).cluster(List.of(julia, marie),
                List.of(Set.of(), Set.of()), List.of(new ScoredPair(0, 1, 0.99, "probabilistic")));
        assertThat(result.clusterOf()[0]).isNotEqualTo(result.clusterOf()[1]);
        assertThat(result.review()).singleElement().extracting(Clustering.ReviewPair::reason)
                .isEqualTo("held back: first names differ");
    }

    private static String level(Comparison comparison, MatchRecord a, MatchRecord b) {
        return comparison.levels().get(comparison.compare(a, b));
    }

    private static MatchRecord person(String first, String last) {
        return record(first, last, null, null, null, null, null);
    }

    private static MatchRecord at(String street, String postalCode, String city) {
        return record(null, null, null, null, street, postalCode, city);
    }

    private static MatchRecord at(String first, String last, String street, String postalCode, String city) {
        return record(first, last, null, null, street, postalCode, city);
    }

    private static MatchRecord mailing(String first, String last, String email) {
        return record(first, last, email, null, null, null, null);
    }

    private static MatchRecord calling(String phone) {
        return record(null, null, null, phone, null, null, null);
    }

    private static MatchRecord record(String first, String last, String email, String phone, String street,
                                      String postalCode, String city) {
        Map<String, String> attributes = new HashMap<>();
        if (street != null) {
            attributes.put("street", street);
        }
        return MatchRecord.of(new SourceRecord(new SourceRecordKey("t", Integer.toString(counter++)),
                RecordKind.CUSTOMER, first, last, email == null ? null : new EmailAddress(email),
                phone == null ? null : PhoneNumber.parse(phone, "DE"), null, city, postalCode, null, null, null, null,
                null, attributes, List.of()));
    }
}
