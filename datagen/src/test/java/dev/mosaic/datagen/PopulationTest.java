package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PopulationTest {

    private final Population population = new Population(MessRates.defaults(), new Claims(100_000), new Ids(42));

    private List<Population.Unit> units(int count) {
        List<Population.Unit> units = new ArrayList<>();
        long people = 0;
        for (int unit = 0; unit < count; unit++) {
            Population.Unit generated = population.next(new Rng(Rng.derive(42, 1, unit)), people, Long.MAX_VALUE,
                    unit);
            people += generated.people().size();
            units.add(generated);
        }
        return units;
    }

    @Test
    void householdMembersShareNameAddressAndMailboxButAreDifferentPeople() {
        List<Population.Unit> households = units(2_000).stream()
                .filter(u -> u.kind() == Population.Kind.HOUSEHOLD).toList();
        assertThat(households).hasSizeGreaterThan(100);
        for (Population.Unit household : households) {
            List<Person> members = household.people();
            assertThat(members).hasSizeBetween(2, 4);
            assertThat(members.stream().map(p -> p.id).distinct()).hasSize(members.size());
            assertThat(members.stream().map(p -> p.lastName).distinct()).hasSize(1);
            assertThat(members.stream().map(p -> p.address).distinct()).hasSize(1);
            assertThat(members.stream().map(p -> p.familyEmail).distinct()).hasSize(1);
            assertThat(members.get(0).familyEmail).isNotNull();
            assertThat(members.stream().map(p -> p.firstName).distinct()).hasSize(members.size());
        }
    }

    @Test
    void namesakesShareTheirNameButNotBirthDateOrCity() {
        List<Population.Unit> groups = units(2_000).stream()
                .filter(u -> u.kind() == Population.Kind.NAMESAKES).toList();
        assertThat(groups).hasSizeGreaterThan(20);
        for (Population.Unit group : groups) {
            List<Person> people = group.people();
            assertThat(people.stream().map(p -> p.firstName + " " + p.lastName).distinct()).hasSize(1);
            assertThat(people.stream().map(p -> p.id).distinct()).hasSize(people.size());
            assertThat(people.stream().map(p -> p.birthDay).distinct()).hasSize(people.size());
            assertThat(people.stream().map(p -> p.address.city()).distinct().count())
                    .isGreaterThan(people.get(0).country.cities().size() > 1 ? 1 : 0);
        }
    }

    @Test
    void nobodyGetsAnotherPersonsEmailPhoneOrHandle() {
        Set<String> taken = new HashSet<>();
        for (Population.Unit unit : units(5_000)) {
            for (Person person : unit.people()) {
                for (String email : new String[] {person.email, person.secondEmail}) {
                    if (email != null) {
                        assertThat(taken.add(email)).as(email).isTrue();
                    }
                }
                if (person.mobile != null) {
                    assertThat(taken.add(person.mobile.e164())).isTrue();
                }
                if (person.socialHandle != null) {
                    assertThat(taken.add(person.socialPlatform + ":" + person.socialHandle)).isTrue();
                }
            }
        }
    }

    @Test
    void anExactPeopleCountCutsTheLastUnit() {
        Population.Unit last = population.next(new Rng(5), 0, 1, 0);
        assertThat(last.people()).hasSize(1);
        assertThat(Population.personId(0)).isEqualTo("P00000001");
        assertThat(Population.personId(123_456_788)).isEqualTo("P123456789");
    }
}
