package dev.mosaic.imports.adapter.in.batch;

import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Fails an import when more than a set share of its rows is rejected: such a file is more likely the wrong file, or
 * in the wrong layout, than a file with some bad rows. Checked after every chunk once enough rows were read to judge
 * (so a wrong file stops early, after the chunk that tipped it is committed with its records, quarantined rows and
 * counts), and at the end for every file.
 */
final class BadRowCeiling implements StepExecutionListener {

    static final String EXCEEDED = "TOO_MANY_BAD_ROWS";
    private static final long ROWS_BEFORE_EARLY_CHECK = 1000;

    private final double maxBadShare;

    BadRowCeiling(double maxBadShare) {
        this.maxBadShare = maxBadShare;
    }

    /** True when the rows so far are over the ceiling and enough to judge; asked after each chunk. */
    boolean isExceededDuring(ImportCounts counts) {
        return counts.rows() >= ROWS_BEFORE_EARLY_CHECK && isExceeded(counts);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ImportCounts counts = ImportCounts.of(step.getExecutionContext());
        if (counts.rows() > 0 && isExceeded(counts)) {
            if (step.isTerminateOnly()) {
                // Ended early by the ceiling after a committed chunk, which Spring Batch calls stopped: the import
                // failed, and stays restartable from the next chunk.
                step.setStatus(BatchStatus.FAILED);
            }
            FailureReason.record(step.getExecutionContext(), message(counts));
            return new ExitStatus(EXCEEDED, message(counts));
        }
        return null;
    }

    private boolean isExceeded(ImportCounts counts) {
        return counts.quarantined() > maxBadShare * counts.rows();
    }

    private String message(ImportCounts counts) {
        return String.format(Locale.ROOT, "%d of %d rows (%.1f%%) were rejected, more than the ceiling of %.1f%% "
                        + "(mosaic.import.max-bad-row-share): is it the right file, type and mapping? The rows that "
                        + "were accepted are kept; the rejected ones are in the quarantine.",
                counts.quarantined(), counts.rows(), 100.0 * counts.quarantined() / counts.rows(), 100.0 * maxBadShare);
    }
}
