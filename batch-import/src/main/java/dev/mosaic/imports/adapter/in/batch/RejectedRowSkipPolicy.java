package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skips (into the quarantine) exactly the rows that cannot be records; anything else, such as a store that does not
 * answer, fails the import so it can be restarted instead of quietly losing rows.
 */
final class RejectedRowSkipPolicy implements SkipPolicy {

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        return failure instanceof InvalidRowException;
    }
}
