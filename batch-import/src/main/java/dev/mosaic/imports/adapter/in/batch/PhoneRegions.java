package dev.mosaic.imports.adapter.in.batch;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The region a phone number is read in, from a row's country as people write it: an ISO code ("DE", "deu") or a
 * country's name in one of the common European languages, in any case and with or without accents ("Germany",
 * "Deutschland", "Österreich", "oesterreich", "Schweiz", "Suisse", "United Kingdom"). Exports of shop and CRM systems
 * carry the name more often than the code, and a name read as a region would leave every national number unparsed.
 */
final class PhoneRegions {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
            Locale.of("es"), Locale.of("nl"), Locale.of("pt"), Locale.of("pl"));
    /** Names people use that are not a locale's display name of the country. */
    private static final Map<String, String> COLLOQUIAL = Map.of(
            "uk", "GB", "great britain", "GB", "england", "GB", "scotland", "GB", "wales", "GB",
            "grossbritannien", "GB", "holland", "NL", "usa", "US", "united states of america", "US");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Map<String, String> BY_NAME = byName();

    private PhoneRegions() {
    }

    /** The ISO 3166 region of a country as written, or empty when it names none. */
    static Optional<String> of(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String key = key(country);
        return Optional.ofNullable(BY_NAME.getOrDefault(key, BY_NAME.get(key.replaceFirst("^the ", ""))));
    }

    private static Map<String, String> byName() {
        Map<String, String> regions = new HashMap<>(COLLOQUIAL);
        for (String region : Locale.getISOCountries()) {
            Locale country = Locale.of("", region);
            regions.putIfAbsent(key(region), region);
            regions.putIfAbsent(key(country.getISO3Country()), region);
            for (Locale language : LANGUAGES) {
                regions.putIfAbsent(key(country.getDisplayCountry(language)), region);
                regions.putIfAbsent(key(spelledOut(country.getDisplayCountry(language))), region);
            }
        }
        return Map.copyOf(regions);
    }

    /** Lower case, accents dropped, ß as ss, only letters and single spaces: "Côte d’Ivoire" meets "cote d ivoire". */
    private static String key(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(folded.toLowerCase(Locale.ROOT).replace("ß", "ss")).replaceAll(" ").strip();
    }

    /** German umlauts and ß as typed on keyboards without them: "Oesterreich", "Daenemark". */
    private static String spelledOut(String name) {
        return name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss");
    }
}
