package dev.mosaic.datagen;

/**
 * Remembers which email addresses, phone numbers and social handles are taken, so that two people never get the
 * same one by accident (shared identifiers come only from households and placeholders, on purpose). A Bloom filter
 * of fixed size, chosen up front from the expected number of people, keeps memory flat however many people are
 * generated: a false positive only makes someone take a variant of the name, a taken value is never handed out
 * twice.
 */
final class Claims {

    private static final int HASHES = 5;
    private static final int MIN_BITS_LOG2 = 20;
    private static final int MAX_BITS_LOG2 = 30;

    private final long[] bits;
    private final long mask;

    Claims(long expectedKeys) {
        long wanted = Math.max(1L << MIN_BITS_LOG2, expectedKeys * 12);
        int log2 = Math.min(MAX_BITS_LOG2, 64 - Long.numberOfLeadingZeros(wanted - 1));
        long size = 1L << log2;
        this.bits = new long[(int) (size >>> 6)];
        this.mask = size - 1;
    }

    /** Takes the key if it is free; false when it is (or might be) taken already. */
    boolean claim(CharSequence key) {
        long hash = hash(key);
        long h1 = hash;
        long h2 = Rng.mix(hash ^ 0x5DEECE66DL) | 1;
        boolean free = false;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                free = true;
            }
        }
        if (!free) {
            return false;
        }
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
        return true;
    }

    private static long hash(CharSequence key) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0, n = key.length(); i < n; i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        return Rng.mix(h);
    }
}
