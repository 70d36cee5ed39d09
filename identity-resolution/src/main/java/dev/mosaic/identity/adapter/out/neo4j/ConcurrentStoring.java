package dev.mosaic.identity.adapter.out.neo4j;

import java.util.concurrent.ThreadLocalRandom;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Runs a batch's write transaction again when another import stored some of the same records at the same time. The
 * driver retries only transient errors (a deadlock, a leader switch); a record created by the other transaction first
 * fails this one on the record_key constraint, a client error, and without another try the import would fail on a
 * row it should have counted unchanged or updated. The next try reads those records as the other import left them.
 */
final class ConcurrentStoring {

    static final String CONSTRAINT_VIOLATED = "Neo.ClientError.Schema.ConstraintValidationFailed";
    /** Each try that loses a race finds the records it lost on stored: a few tries are enough for any overlap. */
    private static final int ATTEMPTS = 8;

    private ConcurrentStoring() {
    }

    /** A record this batch is about to replace was changed by another transaction since this one read it. */
    static final class RecordChangedMeanwhile extends RuntimeException {

        RecordChangedMeanwhile(long records) {
            super(records + " record(s) of the batch were changed by another import while it was stored");
        }
    }

    static <T> T write(Driver driver, TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Session session = driver.session()) {
                return session.executeWrite(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordChangedMeanwhile
                    || cause instanceof Neo4jException neo4j && CONSTRAINT_VIOLATED.equals(neo4j.code())) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, so two imports that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a batch again", e);
        }
    }
}
