package dev.mosaic.datagen;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * How messy the data gets. Each rate is a probability in {@code [0, 1]}; what it applies to is said per component.
 * {@link #defaults()} are meant to look like a real mid-size retailer's data; {@link #none()} gives clean data in
 * which every person is written the same way everywhere (still spread over several sources).
 *
 * @param nameTypo           per name written: one letter substituted, two transposed or one dropped
 * @param nickname           per record of a person whose first name has a usual short form: the short form
 *                           (Johannes → Hannes, Katharina → Kathi, William → Bill, Robert → Bob, Alexander → Alex)
 * @param umlautSpelling     per record of a name with umlauts, ß or accents: written in ASCII (Müller → Mueller,
 *                           Weiß → Weiss, José → Jose); also applied to street and city
 * @param swappedNames       per record: first and last name swapped
 * @param initialOnly        per record: first name only as an initial ("A.")
 * @param caseVariant        per record: names in upper or lower case (ANNA SCHMIDT)
 * @param extraWhitespace    per record: surrounding or doubled spaces in names
 * @param emailCaseVariant   per email written: upper, capitalised or mixed case
 * @param emailSpaces        per email written: surrounding spaces
 * @param emailTypo          per email written: a letter wrong, so the address matches nobody
 * @param secondEmail        per person: a second address (e.g. work), used by some sources
 * @param secondPhone        per person: a second phone (landline or a second mobile)
 * @param phoneFormatVariant per phone written: a format other than the source's usual one
 *                           (+49 151 2345678, 0151-2345678, 0049 151 2345678, (0151) 2345678, 015123456 78, …)
 * @param household          per generation unit: a household of 2-4 people with one last name and address, sharing
 *                           a family mailbox (and often a landline, sometimes a loyalty card)
 * @param namesake           per generation unit: 2-3 distinct people with identical first and last name but
 *                           different birth dates and cities
 * @param placeholder        per record entered at a store counter: a placeholder email (noemail@…, none@none.com,
 *                           kunde@store.example, test@test.de) or the store's own phone instead of the customer's;
 *                           people without any email get one far more often
 * @param invalidValue       per optional value that can be broken: an email without domain, an impossible date
 *                           (2024-02-30), letters in a phone number
 * @param moved              per person: moved once; records from before keep the old address
 * @param nameChange         per person: last name changed (e.g. on marriage); records from before keep the old one
 * @param addressVariant     per address written: street abbreviated or respelled (Hauptstr., Hauptstrasse, Rd),
 *                           another city name (Muenchen, Cologne), postcode formatting, a dropped leading zero
 * @param countryVariant     per record: country as a name ("Deutschland", "Germany", "UK") instead of the ISO code
 * @param duplicateRecord    per person and customer source: a second, slightly different record in that source
 */
public record MessRates(
        double nameTypo,
        double nickname,
        double umlautSpelling,
        double swappedNames,
        double initialOnly,
        double caseVariant,
        double extraWhitespace,
        double emailCaseVariant,
        double emailSpaces,
        double emailTypo,
        double secondEmail,
        double secondPhone,
        double phoneFormatVariant,
        double household,
        double namesake,
        double placeholder,
        double invalidValue,
        double moved,
        double nameChange,
        double addressVariant,
        double countryVariant,
        double duplicateRecord) {

    public MessRates {
        double[] rates = {nameTypo, nickname, umlautSpelling, swappedNames, initialOnly, caseVariant,
                extraWhitespace, emailCaseVariant, emailSpaces, emailTypo, secondEmail, secondPhone,
                phoneFormatVariant, household, namesake, placeholder, invalidValue, moved, nameChange,
                addressVariant, countryVariant, duplicateRecord};
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] >= 0 && rates[i] <= 1)) {
                throw new IllegalArgumentException(
                        names().get(i) + " must be a probability in [0, 1], not " + rates[i]);
            }
        }
        if (household + namesake > 1) {
            throw new IllegalArgumentException("household + namesake must not exceed 1");
        }
    }

    /** The rates used unless told otherwise. */
    public static MessRates defaults() {
        return new MessRates(
                0.03,   // nameTypo
                0.15,   // nickname
                0.25,   // umlautSpelling
                0.01,   // swappedNames
                0.03,   // initialOnly
                0.04,   // caseVariant
                0.03,   // extraWhitespace
                0.12,   // emailCaseVariant
                0.03,   // emailSpaces
                0.01,   // emailTypo
                0.25,   // secondEmail
                0.20,   // secondPhone
                0.50,   // phoneFormatVariant
                0.10,   // household
                0.02,   // namesake
                0.05,   // placeholder
                0.005,  // invalidValue
                0.06,   // moved
                0.03,   // nameChange
                0.25,   // addressVariant
                0.05,   // countryVariant
                0.04);  // duplicateRecord
    }

    /** No mess at all: one way of writing each person, no shared identifiers, no households or namesakes. */
    public static MessRates none() {
        return defaults().scaled(0);
    }

    /** Every rate multiplied by {@code factor} (capped at 1): 0 is clean, 2 twice as messy as the defaults. */
    public MessRates scaled(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("factor must be >= 0, not " + factor);
        }
        double[] rates = values();
        for (int i = 0; i < rates.length; i++) {
            rates[i] = Math.min(1, rates[i] * factor);
        }
        if (rates[13] + rates[14] > 1) {
            double sum = rates[13] + rates[14];
            rates[13] /= sum;
            rates[14] /= sum;
        }
        return of(rates);
    }

    /** A copy with one rate changed, by its component name, e.g. {@code with("nameTypo", 0.1)}. */
    public MessRates with(String name, double value) {
        int index = names().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown rate '" + name + "'; known: " + String.join(", ", names()));
        }
        double[] rates = values();
        rates[index] = value;
        return of(rates);
    }

    /** The names of the rates, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(MessRates.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The rates in declaration order. */
    public double[] values() {
        return new double[] {nameTypo, nickname, umlautSpelling, swappedNames, initialOnly, caseVariant,
                extraWhitespace, emailCaseVariant, emailSpaces, emailTypo, secondEmail, secondPhone,
                phoneFormatVariant, household, namesake, placeholder, invalidValue, moved, nameChange,
                addressVariant, countryVariant, duplicateRecord};
    }

    private static MessRates of(double[] r) {
        return new MessRates(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                r[13], r[14], r[15], r[16], r[17], r[18], r[19], r[20], r[21]);
    }
}
