package dev.mosaic.imports.adapter.in.batch;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Holds imports inside a chunk (after its records are resolved, before it commits) while closed, so a test can have
 * imports running, or between two chunks, at a moment of its choosing. Open unless a test closes it.
 */
final class ChunkGate {

    private final Semaphore passes = new Semaphore(0);
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile boolean closed;

    void close() {
        passes.drainPermits();
        arrivals.set(0);
        closed = true;
    }

    void open() {
        closed = false;
        passes.release(10_000);
    }

    /** Lets {@code chunks} chunks through a closed gate. */
    void letThrough(int chunks) {
        passes.release(chunks);
    }

    /** Called by every chunk that changed profiles: waits while the gate is closed (at most 2 minutes). */
    void pass() {
        if (!closed) {
            return;
        }
        held.incrementAndGet();
        arrivals.incrementAndGet();
        try {
            passes.tryAcquire(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    /** Waits until {@code chunks} chunks are held at the gate at once. */
    void awaitHeld(int chunks, Duration patience) throws InterruptedException {
        await(held::get, chunks, patience, "held at once");
    }

    /** Waits until {@code chunks} chunks have come to the gate since it was closed. */
    void awaitArrivals(int chunks, Duration patience) throws InterruptedException {
        await(arrivals::get, chunks, patience, "come to the gate");
    }

    private static void await(IntSupplier count, int wanted, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (count.getAsInt() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count.getAsInt() + " chunk(s) " + what + " within " + patience + ", not " + wanted);
            }
            Thread.sleep(20);
        }
    }
}
