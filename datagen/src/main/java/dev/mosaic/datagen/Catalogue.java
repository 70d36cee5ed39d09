package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * About forty products in ten categories with the structure real baskets have: devices ("anchors") bought with
 * accessories in the same order, and consumables bought again later for a device someone owns (printer then ink,
 * coffee machine then beans and descaler, console then games). Prices are in euro cents; {@link #price} converts.
 */
final class Catalogue {

    enum Category {
        SMARTPHONES("smartphones", true),
        PHONE_ACCESSORIES("phone_accessories", false),
        PRINTERS("printers", true),
        PRINTER_SUPPLIES("printer_supplies", false),
        LAPTOPS("laptops", true),
        COMPUTER_ACCESSORIES("computer_accessories", false),
        COFFEE_MACHINES("coffee_machines", true),
        COFFEE("coffee", false),
        TV_AUDIO("tv_audio", true),
        GAMING("gaming", true);

        private final String slug;
        private final boolean devices;

        Category(String slug, boolean devices) {
            this.slug = slug;
            this.devices = devices;
        }

        String slug() {
            return slug;
        }

        boolean devices() {
            return devices;
        }
    }

    /**
     * @param withIt     bought in the same order now and then (accessories)
     * @param laterOn    bought again in later orders by owners (consumables)
     * @param anchor     a device people own afterwards
     */
    record Product(String sku, String name, Category category, int euroCents, List<Product> withIt,
            List<Product> laterOn, boolean anchor) {
    }

    private static final List<Product> PRODUCTS = new ArrayList<>();
    private static final List<Product> ANCHORS = new ArrayList<>();
    private static final List<Product> SMALL_ITEMS = new ArrayList<>();
    private static final Map<Category, List<Product>> ANCHORS_BY_CATEGORY = new java.util.EnumMap<>(Category.class);

    static {
        Map<String, Product> bySku = new HashMap<>();
        // accessories and consumables first, so that devices can refer to them
        add(bySku, "PA-100", "Clear Case Nova X1", Category.PHONE_ACCESSORIES, 1999);
        add(bySku, "PA-110", "Screen Protector 2-Pack", Category.PHONE_ACCESSORIES, 1299);
        add(bySku, "PA-120", "USB-C Charger 30 W", Category.PHONE_ACCESSORIES, 2499);
        add(bySku, "PA-130", "Wireless Earbuds Aura", Category.PHONE_ACCESSORIES, 7900);
        add(bySku, "PA-140", "Power Bank 10,000 mAh", Category.PHONE_ACCESSORIES, 2999);
        add(bySku, "PS-200", "Ink Cartridge 22 Black", Category.PRINTER_SUPPLIES, 2499);
        add(bySku, "PS-210", "Ink Cartridge 22 Colour", Category.PRINTER_SUPPLIES, 2999);
        add(bySku, "PS-220", "Toner L500 Black XL", Category.PRINTER_SUPPLIES, 8900);
        add(bySku, "PS-230", "Photo Paper A4, 50 sheets", Category.PRINTER_SUPPLIES, 1499);
        add(bySku, "PS-240", "Copy Paper A4 500 sheets", Category.PRINTER_SUPPLIES, 649);
        add(bySku, "CA-300", "Laptop Sleeve 14\", grey", Category.COMPUTER_ACCESSORIES, 2499);
        add(bySku, "CA-310", "Wireless Mouse M2", Category.COMPUTER_ACCESSORIES, 1999);
        add(bySku, "CA-320", "USB-C Hub 7-in-1", Category.COMPUTER_ACCESSORIES, 3999);
        add(bySku, "CA-330", "Keyboard K380 DE", Category.COMPUTER_ACCESSORIES, 4999);
        add(bySku, "CA-340", "27\" Monitor QHD", Category.COMPUTER_ACCESSORIES, 27900);
        add(bySku, "CO-400", "Espresso Bohnen Crema 1 kg", Category.COFFEE, 1799);
        add(bySku, "CO-410", "Café en grains Bio 500 g", Category.COFFEE, 999);
        add(bySku, "CO-420", "Entkalker 3er-Pack", Category.COFFEE, 1499);
        add(bySku, "CO-430", "Wasserfilter Claris", Category.COFFEE, 1299);
        add(bySku, "TA-530", "HDMI Kabel 2 m", Category.TV_AUDIO, 999);
        add(bySku, "GA-610", "Controller PlayBox 5", Category.GAMING, 6999);
        add(bySku, "GA-620", "Game: Kart Rivals", Category.GAMING, 5999);
        add(bySku, "GA-630", "Gaming Headset Orca", Category.GAMING, 8900);

        device(bySku, "SP-010", "Nova X1 Smartphone 128 GB", Category.SMARTPHONES, 39900,
                "PA-100 PA-110 PA-120", "PA-130 PA-140");
        device(bySku, "SP-020", "Nova X1 Pro 256 GB", Category.SMARTPHONES, 64900,
                "PA-100 PA-110 PA-130", "PA-120 PA-140");
        device(bySku, "SP-030", "Pixelo 8a", Category.SMARTPHONES, 32900, "PA-110 PA-120", "PA-130 PA-140");
        device(bySku, "SP-040", "Fonix Lite", Category.SMARTPHONES, 17900, "PA-110", "PA-140");
        device(bySku, "PR-050", "InkJet Home 2200", Category.PRINTERS, 8900, "PS-200 PS-210 PS-240",
                "PS-200 PS-210 PS-230 PS-240");
        device(bySku, "PR-060", "LaserJet Office L500", Category.PRINTERS, 22900, "PS-240", "PS-220 PS-240");
        device(bySku, "PR-070", "PhotoPrint A3 Pro", Category.PRINTERS, 34900, "PS-210 PS-230",
                "PS-200 PS-210 PS-230");
        device(bySku, "LA-080", "AirBook 14\" i5 16 GB", Category.LAPTOPS, 89900, "CA-300 CA-310 CA-320",
                "CA-330 CA-340");
        device(bySku, "LA-090", "WorkStation 15 Pro", Category.LAPTOPS, 129900, "CA-310 CA-320 CA-340",
                "CA-330 CA-300");
        device(bySku, "LA-095", "Chromebook C11", Category.LAPTOPS, 27900, "CA-300 CA-310", "CA-310");
        device(bySku, "CM-100", "Kaffeevollautomat Barista One", Category.COFFEE_MACHINES, 54900,
                "CO-400 CO-430", "CO-400 CO-410 CO-420 CO-430");
        device(bySku, "CM-110", "Espresso Maker Piccolo", Category.COFFEE_MACHINES, 12900, "CO-400",
                "CO-400 CO-410 CO-420");
        device(bySku, "CM-120", "Filterkaffeemaschine Classic", Category.COFFEE_MACHINES, 4999, "CO-410",
                "CO-410 CO-420");
        device(bySku, "CM-130", "Milchaufschäumer Latte", Category.COFFEE_MACHINES, 5999, "", "CO-400");
        device(bySku, "TA-520", "Bluetooth Speaker Pebble", Category.TV_AUDIO, 5900, "", "");
        device(bySku, "TA-510", "Soundbar Resonance 300", Category.TV_AUDIO, 29900, "TA-530", "TA-520");
        device(bySku, "TA-500", "OLED TV 55\" Lumen", Category.TV_AUDIO, 119900, "TA-530 TA-510", "TA-520");
        device(bySku, "GA-600", "PlayBox 5 Konsole", Category.GAMING, 49900, "GA-610 GA-620", "GA-620 GA-630 GA-610");
    }

    private Catalogue() {
    }

    private static void add(Map<String, Product> bySku, String sku, String name, Category category, int cents) {
        Product product = new Product(sku, name, category, cents, List.of(), List.of(), false);
        bySku.put(sku, product);
        PRODUCTS.add(product);
        SMALL_ITEMS.add(product);
    }

    private static void device(Map<String, Product> bySku, String sku, String name, Category category, int cents,
            String withIt, String laterOn) {
        Product product = new Product(sku, name, category, cents, refer(bySku, withIt), refer(bySku, laterOn), true);
        bySku.put(sku, product);
        PRODUCTS.add(product);
        ANCHORS.add(product);
        ANCHORS_BY_CATEGORY.computeIfAbsent(category, c -> new ArrayList<>()).add(product);
    }

    private static List<Product> refer(Map<String, Product> bySku, String skus) {
        if (skus.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(skus.split(" ")).map(sku -> {
            Product product = bySku.get(sku);
            if (product == null) {
                throw new IllegalStateException("unknown sku " + sku);
            }
            return product;
        }).toList();
    }

    static List<Product> products() {
        return PRODUCTS;
    }

    /** A device of that category. */
    static Product anchor(Category category, Rng rng) {
        return rng.pick(ANCHORS_BY_CATEGORY.get(category));
    }

    static Product anyAnchor(Rng rng) {
        return rng.pick(ANCHORS);
    }

    /** An accessory or consumable bought on its own. */
    static Product smallItem(Rng rng) {
        return rng.pick(SMALL_ITEMS);
    }

    static Category deviceCategory(Rng rng) {
        Category[] devices = {Category.SMARTPHONES, Category.PRINTERS, Category.LAPTOPS, Category.COFFEE_MACHINES,
                Category.TV_AUDIO, Category.GAMING};
        return rng.pick(devices);
    }

    /** The unit price in the currency of the country, in cents (Swiss prices rounded to 5 Rappen). */
    static long price(Product product, Country country, double discount) {
        double euros = product.euroCents() * (1 - discount);
        return switch (country.currency()) {
            case "GBP" -> Math.max(99, Math.round(euros * 0.86 / 10) * 10 - 1);
            case "CHF" -> Math.round(euros * 1.02 / 5) * 5;
            default -> discount == 0 ? product.euroCents() : Math.max(99, Math.round(euros / 10) * 10 - 1);
        };
    }

    /** {@code 1999} → {@code 19.99}. */
    static void appendAmount(StringBuilder out, long cents) {
        out.append(cents / 100).append('.');
        long rest = cents % 100;
        if (rest < 10) {
            out.append('0');
        }
        out.append(rest);
    }

    static String amount(long cents) {
        StringBuilder out = new StringBuilder(10);
        appendAmount(out, cents);
        return out.toString();
    }
}
