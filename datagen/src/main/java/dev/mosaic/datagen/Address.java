package dev.mosaic.datagen;

/**
 * A postal address as a person really has it. {@link #streetLine()} writes it the way the country does: number
 * after the street in Germany, Austria, Switzerland and Spain, before it in Britain and France.
 */
record Address(Country country, City city, String street, String houseNumber, String postalCode, String unit) {

    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    static Address random(Country country, Rng rng) {
        return inCity(country, country.city(rng), rng);
    }

    static Address inCity(Country country, City city, Rng rng) {
        String street = country.street(rng);
        int number = rng.chance(0.7) ? rng.between(1, 40) : rng.between(41, 180);
        String houseNumber = Integer.toString(number);
        if ((country == Country.DE || country == Country.AT || country == Country.CH) && rng.chance(0.08)) {
            houseNumber += rng.pick("abc");
        } else if (country == Country.FR && rng.chance(0.05)) {
            houseNumber += " bis";
        }
        String postalCode = rng.pick(city.postalCodes());
        if (country == Country.GB) {
            postalCode = postalCode + " " + rng.between(1, 9) + rng.pick(POSTCODE_LETTERS) + rng.pick(POSTCODE_LETTERS);
        }
        String unit = "";
        if (country == Country.ES && rng.chance(0.6)) {
            unit = rng.between(1, 8) + "º " + rng.pick(new String[] {"A", "B", "C", "D", "izq.", "dcha."});
        } else if (country == Country.GB && rng.chance(0.15)) {
            unit = "Flat " + rng.between(1, 24);
        }
        return new Address(country, city, street, houseNumber, postalCode, unit);
    }

    /** The street line with the country's order of street and number, e.g. "Lindenstraße 4", "4 High Street". */
    String streetLine() {
        return streetLine(street);
    }

    String streetLine(String streetName) {
        return switch (country) {
            case GB -> unit.isEmpty() ? houseNumber + " " + streetName : unit + ", " + houseNumber + " " + streetName;
            case FR -> houseNumber + " " + streetName;
            case ES -> unit.isEmpty() ? streetName + " " + houseNumber : streetName + " " + houseNumber + ", " + unit;
            default -> streetName + " " + houseNumber;
        };
    }
}
