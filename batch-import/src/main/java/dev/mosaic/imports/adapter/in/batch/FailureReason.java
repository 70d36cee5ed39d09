package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Keeps why a step failed, in words, with the step: the job repository stores the failure only as a stack trace in
 * the exit description, and an import's status read back from it would otherwise have no reason to show.
 */
final class FailureReason implements StepExecutionListener {

    private static final String KEY = "mosaic.failure";

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (!step.getFailureExceptions().isEmpty()) {
            step.getExecutionContext().putString(KEY, of(step.getFailureExceptions().getFirst()));
        }
        return null;
    }

    /** The reason a step stored, or null. */
    static String in(ExecutionContext context) {
        return context.containsKey(KEY) ? context.getString(KEY) : null;
    }

    /** The message meant for people where there is one (a changed mapping, too many bad rows), else the root cause. */
    static String of(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ImportCannotGoOnException || cause instanceof BadRowCeiling.TooManyBadRowsException) {
                return cause.getMessage();
            }
            root = cause;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
