package dev.mosaic.datagen;

/**
 * Writes a person's true attributes the way one record of one source would carry them, applying the {@link MessRates}.
 * {@code sloppiness} scales the typing errors of a source: a CRM maintained by staff is careful (below 1), a store
 * counter or a helpdesk agent under time pressure less so (above 1).
 */
final class Mess {

    record Name(String first, String last) {
    }

    private static final Weighted<String> PLACEHOLDERS = Weighted.of(
            "noemail@store.example", 0.35,
            "kunde@store.example", 0.25,
            "none@none.com", 0.2,
            "test@test.de", 0.12,
            "keine@angabe.de", 0.08);

    private final MessRates rates;

    Mess(MessRates rates) {
        this.rates = rates;
    }

    MessRates rates() {
        return rates;
    }

    Name name(Person person, long at, Rng rng, double sloppiness) {
        String first = person.firstName;
        String last = person.lastNameAt(at);
        if (rng.chance(rates.nickname())) {
            String nickname = Names.nickname(first, rng);
            if (nickname != null) {
                first = nickname;
            } else if (first.indexOf(' ') > 0) {
                first = first.substring(0, first.indexOf(' '));           // María José → María
            } else if (first.indexOf('-') > 0) {
                first = rng.chance(0.5) ? first.replace('-', ' ') : first.substring(0, first.indexOf('-'));
            }
        }
        if (last.indexOf(' ') > 0 && person.country == Country.ES && rng.chance(2 * rates.nickname())) {
            last = last.substring(0, last.indexOf(' '));                  // García López → García
        }
        if (rng.chance(rates.umlautSpelling()) && !(Spelling.isAscii(first) && Spelling.isAscii(last))) {
            boolean transliterate = rng.chance(0.75);
            first = Spelling.ascii(first, transliterate);
            last = Spelling.ascii(last, transliterate);
        }
        if (rng.chance(rates.initialOnly() * sloppiness)) {
            first = first.charAt(0) + ".";
        }
        if (rng.chance(rates.nameTypo() * sloppiness)) {
            if (rng.chance(0.4)) {
                first = Spelling.typo(first, rng);
            } else {
                last = Spelling.typo(last, rng);
            }
        }
        if (rng.chance(rates.caseVariant() * sloppiness)) {
            double p = rng.nextDouble();
            if (p < 0.7) {
                first = Spelling.upper(first);
                last = Spelling.upper(last);
            } else if (p < 0.9) {
                first = Spelling.lower(first);
                last = Spelling.lower(last);
            } else {
                last = Spelling.upper(last);
            }
        }
        if (rng.chance(rates.extraWhitespace() * sloppiness)) {
            switch (rng.nextInt(4)) {
                case 0 -> first = " " + first;
                case 1 -> first = first + " ";
                case 2 -> last = last + "  ";
                default -> last = last.indexOf(' ') > 0 ? last.replace(" ", "  ") : " " + last;
            }
        }
        if (rng.chance(rates.swappedNames() * sloppiness)) {
            return new Name(last, first);
        }
        return new Name(first, last);
    }

    /** A full name as typed into one field: "Anna Schmidt", "Schmidt, Anna", "Frau Schmidt", "A. Schmidt". */
    String fullName(Person person, long at, Rng rng, double sloppiness) {
        Name name = name(person, at, rng, sloppiness);
        double p = rng.nextDouble();
        if (p < 0.72) {
            return name.first() + " " + name.last();
        } else if (p < 0.82) {
            return name.last() + ", " + name.first();
        } else if (p < 0.90) {
            return salutation(person) + " " + name.last();
        } else if (p < 0.96) {
            return name.first().charAt(0) + ". " + name.last();
        }
        return name.first();
    }

    private static String salutation(Person person) {
        return switch (person.country.language()) {
            case GERMAN -> person.female ? "Frau" : "Herr";
            case ENGLISH -> person.female ? "Mrs" : "Mr";
            case FRENCH -> person.female ? "Mme" : "M.";
            case SPANISH -> person.female ? "Sra." : "Sr.";
        };
    }

    /** An email address as written by a record; empty for null. */
    String email(String address, Rng rng, double sloppiness) {
        if (address == null) {
            return "";
        }
        String email = address;
        if (rng.chance(rates.emailTypo() * sloppiness)) {
            int at = email.indexOf('@');
            email = Spelling.typo(email.substring(0, at), rng) + email.substring(at);
        }
        if (rng.chance(rates.invalidValue())) {
            int at = email.indexOf('@');
            email = rng.chance(0.5) ? email.substring(0, at + 1) : email.substring(0, at);  // no domain
        }
        if (rng.chance(rates.emailCaseVariant() * sloppiness)) {
            double p = rng.nextDouble();
            email = p < 0.3 ? Spelling.upper(email) : p < 0.8 ? Spelling.capitalised(email)
                    : Spelling.mixedCase(email, rng);
        }
        if (rng.chance(rates.emailSpaces() * sloppiness)) {
            email = switch (rng.nextInt(3)) {
                case 0 -> " " + email;
                case 1 -> email + " ";
                default -> " " + email + " ";
            };
        }
        return email;
    }

    /** A placeholder a store clerk types when the customer gives no address. */
    String placeholderEmail(Rng rng, double sloppiness) {
        String placeholder = PLACEHOLDERS.pick(rng);
        return rng.chance(rates.emailCaseVariant() * sloppiness) ? Spelling.upper(placeholder) : placeholder;
    }

    /** A phone as written by a record, mostly in the source's usual format; empty for null. */
    String phone(Phone phone, Phone.Format usual, Rng rng) {
        if (phone == null) {
            return "";
        }
        String text = phone.format(rng.chance(rates.phoneFormatVariant()) ? Phone.Format.any(rng) : usual);
        if (rng.chance(rates.invalidValue())) {
            text = switch (rng.nextInt(3)) {
                case 0 -> text.replaceFirst("0", "O");
                case 1 -> text.replaceFirst("1", "l");
                default -> text + " (abends)";
            };
        }
        return text;
    }

    String street(Address address, Rng rng) {
        String street = address.street();
        if (rng.chance(rates.addressVariant())) {
            street = abbreviated(street, address.country(), rng);
        }
        if (!Spelling.isAscii(street) && rng.chance(rates.umlautSpelling() * 0.5)) {
            street = Spelling.ascii(street, true);
        }
        return address.streetLine(street);
    }

    private static String abbreviated(String street, Country country, Rng rng) {
        return switch (country) {
            case DE, AT -> switch (rng.nextInt(3)) {
                case 0 -> street.replace("straße", "str.").replace("Straße", "Str.");
                case 1 -> street.replace("ß", "ss");
                default -> street.replace("straße", "str").replace("Straße", "Str").replace("gasse", "g.");
            };
            case CH -> street.replace("strasse", "str.").replace("Strasse", "Str.");
            case GB -> street.replace(" Road", " Rd").replace(" Street", " St").replace(" Avenue", " Ave")
                    .replace(" Lane", " Ln").replace(" Close", " Cl");
            case FR -> rng.chance(0.5)
                    ? street.replace("avenue ", "av. ").replace("boulevard ", "bd ").replace("rue ", "r. ")
                            .replace("place ", "pl. ")
                    : Character.toUpperCase(street.charAt(0)) + street.substring(1);
            case ES -> street.replace("Calle ", "C/ ").replace("Avenida ", "Avda. ").replace("Plaza ", "Pza. ")
                    .replace("Paseo ", "Pº ");
        };
    }

    String city(Address address, Rng rng) {
        City city = address.city();
        if (!city.otherNames().isEmpty() && rng.chance(rates.addressVariant() * 0.4)) {
            return rng.pick(city.otherNames());
        }
        if (!Spelling.isAscii(city.name()) && rng.chance(rates.umlautSpelling() * 0.5)) {
            return Spelling.ascii(city.name(), true);
        }
        return city.name();
    }

    String postalCode(Address address, Rng rng) {
        String code = address.postalCode();
        if (!rng.chance(rates.addressVariant() * 0.3)) {
            return code;
        }
        if (code.charAt(0) == '0' && address.country() != Country.GB) {
            return code.substring(1);                                   // a spreadsheet ate the leading zero
        }
        if (address.country() == Country.GB) {
            return rng.chance(0.5) ? code.replace(" ", "") : Spelling.lower(code);
        }
        return code;
    }

    String country(Country country, Rng rng) {
        return rng.chance(rates.countryVariant()) ? country.spelling(rng) : country.code();
    }

    /** {@code YYYY-MM-DD}, now and then an impossible date or a date in another format. */
    String birthDate(int epochDay, Rng rng) {
        String date = Timestamps.date(epochDay);
        if (!rng.chance(rates.invalidValue() * 2)) {
            return date;
        }
        String year = date.substring(0, 4);
        return switch (rng.nextInt(4)) {
            case 0 -> year + "-02-30";
            case 1 -> year + "-04-31";
            case 2 -> year + "-13-" + date.substring(8);
            default -> date.substring(8) + "." + date.substring(5, 7) + "." + year;
        };
    }
}
