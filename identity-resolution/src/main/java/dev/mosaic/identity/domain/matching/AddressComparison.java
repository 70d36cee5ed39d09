package dev.mosaic.identity.domain.matching;

import java.util.List;

/**
 * Postal code, city and street compared as one address. Compared one by one, the three count the same fact up to three
 * times (one street lies in one postal code of one city), so that a shared address outweighed a different first name
 * and joined a household into one person. Levels, best first: the same street and house number (and nothing else of
 * the address differs), the same street with another number (a neighbour, or a typo in the number), the same postal
 * code where a street is unknown, the same postal code with another street (moved within the area, or a neighbour), a
 * postal code one typo apart, the same city only, different.
 */
final class AddressComparison implements Comparison {

    static final List<String> LEVELS = List.of("same_street", "same_street_other_number", "same_postal_code",
            "same_postal_code_other_street", "postal_code_typo", "same_city", "different");

    private static final double CLOSE = 0.88;

    @Override
    public String field() {
        return "address";
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        Agreement street = streetAgreement(a, b);
        Agreement postal = postalAgreement(a.postalCode(), b.postalCode());
        Agreement city = agreement(a.city(), b.city(), true);
        if (street == Agreement.UNKNOWN && postal == Agreement.UNKNOWN && city == Agreement.UNKNOWN) {
            return UNKNOWN;
        }
        // One wrong part of three is a typo more likely than a second address: the same street and number in the same
        // city under another postal code is one address.
        boolean placeContradicts = city == Agreement.DIFFERENT || postal == Agreement.DIFFERENT && city != Agreement.SAME;
        boolean otherStreet = street == Agreement.DIFFERENT;
        if (street == Agreement.SAME && (!placeContradicts || postal == Agreement.CLOSE)) {
            return 0;
        }
        if (street == Agreement.OTHER_NUMBER && (!placeContradicts || postal == Agreement.CLOSE)) {
            return 1;
        }
        if (postal == Agreement.SAME) {
            return otherStreet ? 3 : 2;
        }
        if (postal == Agreement.CLOSE && !otherStreet) {
            return 4;
        }
        if (city == Agreement.SAME && postal != Agreement.DIFFERENT && !otherStreet) {
            return 5;
        }
        if (city == Agreement.SAME && postal == Agreement.UNKNOWN) {
            return 5;
        }
        return LEVELS.size() - 1;
    }

    private enum Agreement { SAME, CLOSE, OTHER_NUMBER, DIFFERENT, UNKNOWN }

    private static Agreement agreement(String x, String y, boolean jaroWinkler) {
        if (x == null || y == null) {
            return Agreement.UNKNOWN;
        }
        if (x.equals(y) || jaroWinkler && Similarity.jaroWinkler(x, y) >= CLOSE) {
            return Agreement.SAME;
        }
        return Agreement.DIFFERENT;
    }

    /**
     * The same street when the street names are close and the house numbers, where both give one, are the same;
     * "dorfstrasse 13" and "dorfstr 1b" are one street but two addresses (neighbours, or a typo in the number).
     */
    private static Agreement streetAgreement(MatchRecord a, MatchRecord b) {
        if (a.street() == null || b.street() == null) {
            return Agreement.UNKNOWN;
        }
        if (a.street().equals(b.street())) {
            return Agreement.SAME;
        }
        if (Similarity.jaroWinkler(a.streetName(), b.streetName()) < CLOSE) {
            return Agreement.DIFFERENT;
        }
        return a.houseNumber() != null && b.houseNumber() != null && !a.houseNumber().equals(b.houseNumber())
                ? Agreement.OTHER_NUMBER : Agreement.SAME;
    }

    /** The first word with a digit in it, or null. */
    static String houseNumber(String street) {
        if (street == null) {
            return null;
        }
        for (String token : street.split(" ")) {
            for (int i = 0; i < token.length(); i++) {
                if (Character.isDigit(token.charAt(i))) {
                    return token;
                }
            }
        }
        return null;
    }

    /** The street's words without the ones holding digits. */
    static String withoutNumbers(String street) {
        if (street == null) {
            return null;
        }
        StringBuilder name = new StringBuilder(street.length());
        for (String token : street.split(" ")) {
            if (houseNumber(token) == null && !token.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(token);
            }
        }
        return name.toString();
    }

    private static Agreement postalAgreement(String x, String y) {
        if (x == null || y == null) {
            return Agreement.UNKNOWN;
        }
        if (x.equals(y)) {
            return Agreement.SAME;
        }
        return Similarity.oneEditApart(x, y) ? Agreement.CLOSE : Agreement.DIFFERENT;
    }
}
