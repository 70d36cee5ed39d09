package dev.mosaic.datagen;

/**
 * Record ids, order ids and loyalty card numbers: a counter per kind sent through a bijection on the id space
 * ({@code c * a + b mod 10^digits}, {@code a} coprime to 10), so ids are unique within their kind, look arbitrary and
 * say nothing about which person or which neighbour in the file they belong to.
 */
final class Ids {

    enum Kind {
        CRM("C-", 9),
        LOYALTY_MEMBER("LM-", 8),
        WEBSHOP_ACCOUNT("WS-", 8),
        WEB_ORDER("W", 9),
        STORE_RECEIPT("", 9),
        TICKET("T-", 8),
        NEWSLETTER_EVENT("NL-", 9),
        SMS_EVENT("SMS-", 9),
        PUSH_EVENT("PU-", 9),
        AD_EVENT("AD-", 9),
        INSTAGRAM("IG-", 9),
        FACEBOOK("FB-", 9),
        X("X-", 9),
        TIKTOK("TT-", 9),
        LOYALTY_CARD("L-", 8);

        private final String prefix;
        private final int digits;

        Kind(String prefix, int digits) {
            this.prefix = prefix;
            this.digits = digits;
        }
    }

    private final long[] counters = new long[Kind.values().length];
    private final long[] multipliers = new long[Kind.values().length];
    private final long[] offsets = new long[Kind.values().length];
    private final long[] moduli = new long[Kind.values().length];

    Ids(long seed) {
        for (Kind kind : Kind.values()) {
            long modulus = 1;
            for (int i = 0; i < kind.digits; i++) {
                modulus *= 10;
            }
            long a = Math.floorMod(Rng.derive(seed, 100 + kind.ordinal(), 1), modulus) | 1;
            if (a % 5 == 0) {
                a = (a + 2) % modulus;
            }
            moduli[kind.ordinal()] = modulus;
            multipliers[kind.ordinal()] = a;
            offsets[kind.ordinal()] = Math.floorMod(Rng.derive(seed, 100 + kind.ordinal(), 2), modulus);
        }
    }

    /** The next id of that kind, with its prefix. */
    String next(Kind kind) {
        return kind.prefix + digits(kind, counters[kind.ordinal()]++);
    }

    /** The id number {@code n} of that kind without using up the counter (for ids derived from a person's index). */
    String nth(Kind kind, long n) {
        return kind.prefix + digits(kind, n);
    }

    private String digits(Kind kind, long n) {
        int k = kind.ordinal();
        if (n >= moduli[k]) {
            throw new IllegalStateException("more than " + moduli[k] + " ids of kind " + kind);
        }
        long value = (n * multipliers[k] + offsets[k]) % moduli[k];
        String text = Long.toString(value);
        StringBuilder out = new StringBuilder(kind.prefix.length() + kind.digits);
        for (int i = text.length(); i < kind.digits; i++) {
            out.append('0');
        }
        return out.append(text).toString();
    }
}
