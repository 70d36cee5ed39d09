package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates people one generation unit at a time: a single person, a household of 2-4 people (one last name, one
 * address, a shared family mailbox and often a landline), or a group of 2-3 namesakes (identical first and last
 * name, different birth dates and cities). Nothing but the {@link Claims} filter is kept between units.
 */
final class Population {

    enum Kind { SINGLE, HOUSEHOLD, NAMESAKES }

    record Unit(Kind kind, List<Person> people) {
    }

    private static final String[] HOBBIES = {"bakes", "runs", "travels", "cooks", "fit", "photo", "outdoors",
            "music", "reads", "garden", "coffee", "gamer", "style", "bikes", "hikes"};
    private static final String[] COMPANIES = {"nordlicht-energie.example", "bergmann-bau.example",
            "stadtwerke-musterstadt.example", "acme-logistik.example", "kanzlei-weber.example",
            "praxis-am-markt.example", "alpenblick-hotels.example", "helvetia-treuhand.example",
            "thames-consulting.example", "brightside-media.example", "atelier-lumiere.example",
            "soluciones-iberia.example", "uni-musterstadt.example", "klinikum-nord.example",
            "rheinblick-versicherung.example", "donau-software.example"};
    private static final String[] OLD_PROVIDERS = {"hotmail.example", "yahoo.example", "aol.example",
            "freenet.example", "arcor.example", "lycos.example"};
    private static final Weighted<String> PLATFORMS = Weighted.of("instagram", 0.45, "facebook", 0.30,
            "tiktok", 0.15, "x", 0.10);

    private final MessRates rates;
    private final Claims claims;
    private final Ids ids;

    Population(MessRates rates, Claims claims, Ids ids) {
        this.rates = rates;
        this.claims = claims;
        this.ids = ids;
    }

    /** The next unit, with people numbered from {@code firstIndex}, at most {@code maxPeople} of them. */
    Unit next(Rng rng, long firstIndex, long maxPeople, long unitIndex) {
        double kind = rng.nextDouble();
        if (maxPeople >= 2 && kind < rates.household()) {
            int size = (int) Math.min(maxPeople, rng.chance(0.55) ? 2 : rng.chance(0.55) ? 3 : 4);
            return new Unit(Kind.HOUSEHOLD, household(rng, firstIndex, size, unitIndex));
        }
        if (maxPeople >= 2 && kind < rates.household() + rates.namesake()) {
            int size = (int) Math.min(maxPeople, rng.chance(0.8) ? 2 : 3);
            return new Unit(Kind.NAMESAKES, namesakes(rng, firstIndex, size, unitIndex));
        }
        return new Unit(Kind.SINGLE, List.of(single(rng, firstIndex)));
    }

    static String personId(long index) {
        String digits = Long.toString(index + 1);
        return "P" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    private Person single(Rng rng, long index) {
        Country country = Country.pick(rng);
        boolean female = rng.chance(0.52);
        Person person = new Person(index, personId(index), country, female);
        person.firstName = Names.firstName(country, female, rng);
        person.lastName = Names.lastName(country, rng);
        person.birthDay = adultBirthDay(rng);
        person.address = Address.random(country, rng);
        equip(person, rng);
        maybeMove(person, rng);
        maybeChangeName(person, rng);
        return person;
    }

    private List<Person> household(Rng rng, long firstIndex, int size, long unitIndex) {
        Country country = Country.pick(rng);
        String lastName = Names.lastName(country, rng);
        Address address = Address.random(country, rng);
        int parentBirth = Timestamps.epochDay(1950, 1, 1) + rng.nextInt(36 * 365);
        List<Person> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean female = i == 0 ? rng.chance(0.5) : i == 1 ? !members.get(0).female || rng.chance(0.08)
                    : rng.chance(0.5);
            Person person = new Person(firstIndex + i, personId(firstIndex + i), country, female);
            person.firstName = distinctFirstName(country, female, members, rng);
            person.lastName = lastName;
            person.birthDay = i < 2 ? parentBirth + rng.between(-6 * 365, 6 * 365) : childBirthDay(parentBirth, rng);
            person.address = address;
            person.householdId = unitIndex;
            members.add(person);
        }
        String familyEmail = claimEmail(familyLocalPart(country, lastName, rng), country.mailDomain(rng), rng,
                firstIndex);
        Phone landline = rng.chance(0.5) ? claimLandline(country, address.city(), rng) : null;
        boolean familyCard = rng.chance(0.3);
        Person first = members.get(0);
        for (Person person : members) {
            person.familyEmail = familyEmail;
            equip(person, rng);
            if (landline != null) {
                person.secondPhone = landline;
            }
            if (familyCard && person != first && person.loyaltyMember && first.loyaltyMember) {
                person.loyaltyId = first.loyaltyId;
                person.formerLoyaltyId = null;
            }
        }
        maybeMove(first, rng);
        for (Person person : members.subList(1, members.size())) {
            person.formerAddress = first.formerAddress;
            person.movedAt = first.movedAt;
        }
        return members;
    }

    private List<Person> namesakes(Rng rng, long firstIndex, int size, long unitIndex) {
        Country country = Country.pick(rng);
        boolean female = rng.chance(0.5);
        String firstName = Names.firstName(country, female, rng);
        String lastName = Names.lastName(country, rng);
        List<Person> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Person person = new Person(firstIndex + i, personId(firstIndex + i), country, female);
            person.firstName = firstName;
            person.lastName = lastName;
            person.namesakeGroup = unitIndex;
            do {
                person.birthDay = adultBirthDay(rng);
            } while (sameBirthYear(person, people));
            Address address = Address.random(country, rng);
            for (int tries = 0; tries < 20 && sameCity(address, people); tries++) {
                address = Address.random(country, rng);
            }
            person.address = address;
            equip(person, rng);
            maybeMove(person, rng);
            people.add(person);
        }
        return people;
    }

    private static boolean sameBirthYear(Person person, List<Person> others) {
        for (Person other : others) {
            if (Math.abs(other.birthDay - person.birthDay) < 365) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCity(Address address, List<Person> others) {
        for (Person other : others) {
            if (other.address.city().equals(address.city())) {
                return true;
            }
        }
        return false;
    }

    private static String distinctFirstName(Country country, boolean female, List<Person> others, Rng rng) {
        String name = Names.firstName(country, female, rng);
        for (int tries = 0; tries < 20; tries++) {
            boolean taken = false;
            for (Person other : others) {
                taken |= other.firstName.equals(name);
            }
            if (!taken) {
                break;
            }
            name = Names.firstName(country, female, rng);
        }
        return name;
    }

    /**
     * A grown-up child, born 20 to 40 years after the parents and a customer by the fixed "now" (born 2009 at the
     * latest); parents too young for that get another adult of their own generation instead. Drawn, never clamped:
     * clamping piled the children of young parents onto one birth date, which real data does not do.
     */
    private static int childBirthDay(int parentBirth, Rng rng) {
        int latest = Math.min(Timestamps.epochDay(2009, 12, 31), parentBirth + 40 * 365);
        int earliest = parentBirth + 20 * 365;
        return earliest <= latest ? rng.between(earliest, latest) : parentBirth + rng.between(-6 * 365, 6 * 365);
    }

    private static int adultBirthDay(Rng rng) {
        double year = 1982 + 15 * rng.gaussian();
        year = Math.max(1936, Math.min(2007, year));
        return Timestamps.epochDay((int) year, 1, 1) + rng.nextInt(365);
    }

    /** Contact details, the sources the person appears in and how active they are. */
    private void equip(Person person, Rng rng) {
        Country country = person.country;
        int birthYear = person.birthYear();
        person.since = Timestamps.HISTORY_START
                + rng.between(0L, Timestamps.NOW - 45 * Timestamps.DAY - Timestamps.HISTORY_START);
        person.activity = Math.max(0.1, Math.min(12, rng.logNormal(0.75)));

        boolean inHousehold = person.familyEmail != null;
        boolean noEmail = inHousehold ? !rng.chance(birthYear > 1990 ? 0.75 : 0.55)
                : rng.chance(birthYear < 1955 ? 0.30 : 0.07);
        if (!noEmail) {
            person.email = claimEmail(privateLocalPart(person, rng), country.mailDomain(rng), rng, person.index);
            if (rng.chance(rates.secondEmail())) {
                person.secondEmail = birthYear > 1958 && birthYear < 2004 && rng.chance(0.6)
                        ? claimEmail(workLocalPart(person, rng), rng.pick(COMPANIES), rng, person.index)
                        : claimEmail(oldLocalPart(person, rng), rng.pick(OLD_PROVIDERS), rng, person.index);
            }
        }
        if (rng.chance(birthYear < 1950 ? 0.7 : 0.95)) {
            person.mobile = claimMobile(country, rng);
        }
        if (person.mobile == null || rng.chance(rates.secondPhone())) {
            person.secondPhone = person.mobile == null || rng.chance(0.6)
                    ? claimLandline(country, person.address.city(), rng)
                    : claimMobile(country, rng);
        }

        boolean anyEmail = person.hasAnyEmail();
        person.crm = rng.chance(0.5);
        person.loyaltyMember = rng.chance(0.42);
        person.webshopAccount = anyEmail && rng.chance(0.45);
        person.buysOnline = anyEmail && (person.webshopAccount || rng.chance(0.2));
        person.buysInStores = rng.chance(0.75) || !person.buysOnline;
        person.newsletter = anyEmail && rng.chance(0.38);
        person.smsOptIn = person.mobile != null && rng.chance(0.12);
        person.appUser = anyEmail && rng.chance(birthYear > 1975 ? 0.25 : 0.08);
        person.prefersPlaceholders = !anyEmail || rng.chance(0.03);

        if (person.loyaltyMember) {
            person.loyaltyId = ids.nth(Ids.Kind.LOYALTY_CARD, 2 * person.index);
            if (rng.chance(rates.duplicateRecord())) {
                person.formerLoyaltyId = ids.nth(Ids.Kind.LOYALTY_CARD, 2 * person.index + 1);
                person.loyaltyCardSince = rng.between(person.since, Timestamps.NOW - Timestamps.DAY);
            }
        }
        double socialShare = birthYear > 1985 ? 0.5 : birthYear > 1965 ? 0.3 : 0.1;
        if (rng.chance(socialShare)) {
            person.socialPlatform = PLATFORMS.pick(rng);
            person.socialHandle = claimHandle(person.socialPlatform, handle(person, rng), rng, person.index);
            if (rng.chance(0.25)) {
                String other = PLATFORMS.pick(rng);
                if (!other.equals(person.socialPlatform)) {
                    person.secondSocialPlatform = other;
                    String wanted = rng.chance(0.6) ? person.socialHandle : handle(person, rng);
                    person.secondSocialHandle = claimHandle(other, wanted, rng, person.index);
                }
            }
        }
        person.interests.add(Catalogue.deviceCategory(rng));
        if (rng.chance(0.4)) {
            Catalogue.Category second = Catalogue.deviceCategory(rng);
            if (second != person.interests.get(0)) {
                person.interests.add(second);
            }
        }
    }

    private void maybeMove(Person person, Rng rng) {
        if (!rng.chance(rates.moved())) {
            return;
        }
        Address old = rng.chance(0.3)
                ? Address.inCity(person.country, person.address.city(), rng)
                : Address.random(person.country, rng);
        person.formerAddress = old;
        person.movedAt = rng.between(person.since + 30 * Timestamps.DAY, Timestamps.NOW - 7 * Timestamps.DAY);
    }

    private void maybeChangeName(Person person, Rng rng) {
        if (!rng.chance(rates.nameChange())) {
            return;
        }
        String other = Names.lastName(person.country, rng);
        if (other.equals(person.lastName)) {
            return;
        }
        // mostly a married name: the records before the wedding carry the birth name
        person.formerLastName = other;
        person.lastNameSince = rng.between(person.since + 30 * Timestamps.DAY, Timestamps.NOW - 7 * Timestamps.DAY);
    }

    // --- emails, phones, handles ---------------------------------------------------------------------------------

    private String privateLocalPart(Person person, Rng rng) {
        String f = Spelling.slug(person.firstName);
        String l = Spelling.slug(firstWord(person.lastName));
        int yy = person.birthYear() % 100;
        String year2 = (yy < 10 ? "0" : "") + yy;
        double p = rng.nextDouble();
        if (p < 0.30) {
            return f + "." + l;
        } else if (p < 0.40) {
            return f + l;
        } else if (p < 0.48) {
            return f.charAt(0) + "." + l;
        } else if (p < 0.53) {
            return f + "_" + l;
        } else if (p < 0.66) {
            return f + "." + l + year2;
        } else if (p < 0.71) {
            return l + "." + f;
        } else if (p < 0.78) {
            return f + (rng.chance(0.5) ? year2 : Integer.toString(person.birthYear()));
        } else if (p < 0.85) {
            return f.charAt(0) + l + rng.digits(2);
        } else if (p < 0.93) {
            String nick = Names.nickname(person.firstName, rng);
            return (nick == null ? f : Spelling.slug(nick)) + "." + l.charAt(0) + rng.digits(rng.between(1, 3));
        }
        return f + "." + rng.pick(HOBBIES);
    }

    private static String workLocalPart(Person person, Rng rng) {
        String f = Spelling.slug(person.firstName);
        String l = Spelling.slug(firstWord(person.lastName));
        return switch (rng.nextInt(3)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + "." + l;
            default -> f.charAt(0) + l;
        };
    }

    private static String oldLocalPart(Person person, Rng rng) {
        String f = Spelling.slug(person.firstName);
        String l = Spelling.slug(firstWord(person.lastName));
        return switch (rng.nextInt(3)) {
            case 0 -> f + l.charAt(0) + rng.digits(2);
            case 1 -> rng.pick(HOBBIES) + "." + f;
            default -> l + f.charAt(0) + rng.digits(3);
        };
    }

    private static String familyLocalPart(Country country, String lastName, Rng rng) {
        String l = Spelling.slug(firstWord(lastName));
        return switch (country) {
            case GB -> rng.chance(0.5) ? "the." + l + "s" : l + "family";
            case FR -> "famille." + l;
            case ES -> "familia." + l;
            default -> switch (rng.nextInt(4)) {
                case 0 -> "familie." + l;
                case 1 -> "fam." + l;
                case 2 -> l + ".familie";
                default -> "familie" + l;
            };
        };
    }

    private static String handle(Person person, Rng rng) {
        String f = Spelling.slug(person.firstName).replace("-", "");
        String l = Spelling.slug(firstWord(person.lastName)).replace("-", "");
        return switch (rng.nextInt(6)) {
            case 0 -> f + "." + rng.pick(HOBBIES);
            case 1 -> f + l + person.birthYear() % 100;
            case 2 -> f + "_" + l.charAt(0);
            case 3 -> l + f.charAt(0) + rng.digits(2);
            case 4 -> "the" + f + l.charAt(0);
            default -> f + "." + l;
        };
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private String claimEmail(String localPart, String domain, Rng rng, long index) {
        String local = localPart;
        for (int tries = 0; tries < 8; tries++) {
            String email = local + "@" + domain;
            if (claims.claim(email)) {
                return email;
            }
            local = localPart + (tries < 3 ? rng.digits(2) : rng.digits(3 + tries / 2));
        }
        String email = localPart + "." + index + "@" + domain;
        claims.claim(email);
        return email;
    }

    private String claimHandle(String platform, String wanted, Rng rng, long index) {
        String handle = wanted;
        for (int tries = 0; tries < 8; tries++) {
            if (claims.claim(platform + ":" + handle)) {
                return handle;
            }
            handle = wanted + (tries < 3 ? rng.digits(2) : rng.digits(3 + tries / 2));
        }
        handle = wanted + "_" + index;
        claims.claim(platform + ":" + handle);
        return handle;
    }

    private Phone claimMobile(Country country, Rng rng) {
        Phone phone = country.mobile(rng);
        for (int tries = 0; tries < 20 && !claims.claim(phone.e164()); tries++) {
            phone = country.mobile(rng);
        }
        return phone;
    }

    private Phone claimLandline(Country country, City city, Rng rng) {
        Phone phone = country.landline(rng, city);
        for (int tries = 0; tries < 20 && !claims.claim(phone.e164()); tries++) {
            phone = country.landline(rng, city);
        }
        return phone;
    }
}
