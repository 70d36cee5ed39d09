package dev.mosaic.datagen;

import java.util.List;

/**
 * A city with real postal codes (or, in Great Britain, outward codes), the area code of its landlines and the other
 * spellings people and systems use for it ("Muenchen", "Cologne", "Frankfurt a.M.").
 */
record City(String name, List<String> postalCodes, String areaCode, List<String> otherNames, double weight) {

    static City of(String name, double weight, String areaCode, String postalCodes, String... otherNames) {
        return new City(name, List.of(postalCodes.split(" ")), areaCode, List.of(otherNames), weight);
    }
}
