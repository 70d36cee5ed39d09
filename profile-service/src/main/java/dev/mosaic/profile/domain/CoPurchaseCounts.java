package dev.mosaic.profile.domain;

/** Counts co-purchases over every profile, where the profiles are kept. */
public interface CoPurchaseCounts {

    /**
     * The statistics now; sequences bought by fewer than {@code minCustomers} customers may be left out (no rule
     * could use them).
     */
    CoPurchaseStatistics count(int minCustomers);
}
