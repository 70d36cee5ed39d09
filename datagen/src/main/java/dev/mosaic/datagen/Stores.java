package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The retailer's stores: one per city, with an id like {@code DE017} and the store's own phone number (which staff
 * type in for customers who give none). The same for every seed.
 */
final class Stores {

    record Store(String id, Country country, City city, Phone phone, String phoneAsTyped) {
    }

    private static final Map<Country, List<Store>> BY_COUNTRY = new EnumMap<>(Country.class);
    private static final Map<City, Store> BY_CITY = new java.util.IdentityHashMap<>();
    private static final List<Store> ALL = new ArrayList<>();

    static {
        Rng rng = new Rng(0x5703E5L);
        for (Country country : Country.values()) {
            List<Store> stores = new ArrayList<>();
            int number = 1;
            for (City city : country.cities()) {
                Phone phone = country.landline(rng, city);
                String id = country.code() + String.format(java.util.Locale.ROOT, "%03d", number++);
                Store store = new Store(id, country, city, phone,
                        phone.format(rng.chance(0.5) ? Phone.Format.NATIONAL : Phone.Format.GROUPED));
                stores.add(store);
                BY_CITY.put(city, store);
                ALL.add(store);
            }
            BY_COUNTRY.put(country, List.copyOf(stores));
        }
    }

    private Stores() {
    }

    /** The store in the person's city, now and then another one in the country. */
    static Store near(Address address, Rng rng) {
        if (rng.chance(0.1)) {
            return rng.pick(BY_COUNTRY.get(address.country()));
        }
        return BY_CITY.get(address.city());
    }

    static List<Store> all() {
        return ALL;
    }
}
