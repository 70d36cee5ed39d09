package dev.mosaic.datagen;

/**
 * What to generate: either a number of people or an approximate number of records (the generator stops after the
 * person with whom the total reaches it), a seed, whether to gzip the files, and how messy the data gets.
 *
 * @param people  number of people to generate, or 0 when sized by {@code records}
 * @param records approximate total number of records over the five data files, or 0 when sized by {@code people}
 * @param seed    the seed; the same settings always write byte-identical files
 * @param gzip    write {@code *.csv.gz} instead of {@code *.csv}
 * @param mess    the mess rates
 */
public record GeneratorSettings(long people, long records, long seed, boolean gzip, MessRates mess) {

    public static final long DEFAULT_SEED = 42;

    public GeneratorSettings {
        if ((people > 0) == (records > 0) || people < 0 || records < 0) {
            throw new IllegalArgumentException("give either a positive number of people or of records, not both");
        }
        if (mess == null) {
            throw new IllegalArgumentException("mess rates are required");
        }
    }

    /** Exactly {@code count} people, with the default seed and mess. */
    public static GeneratorSettings people(long count) {
        return new GeneratorSettings(count, 0, DEFAULT_SEED, false, MessRates.defaults());
    }

    /** About {@code count} records in total (just over it), with the default seed and mess. */
    public static GeneratorSettings records(long count) {
        return new GeneratorSettings(0, count, DEFAULT_SEED, false, MessRates.defaults());
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(people, records, newSeed, gzip, mess);
    }

    public GeneratorSettings withGzip(boolean newGzip) {
        return new GeneratorSettings(people, records, seed, newGzip, mess);
    }

    public GeneratorSettings withMess(MessRates newMess) {
        return new GeneratorSettings(people, records, seed, gzip, newMess);
    }
}
