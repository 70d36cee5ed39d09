package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down guessing of passwords: after {@code maxFailures} failed sign-ins in a row for a user name, that name may
 * not sign in for {@code lockout}, and every further failure after that doubles the wait (at most {@code maxLockout}).
 * A locked name is refused even with the right password, so a guesser learns nothing while it is locked. A successful
 * sign-in forgets the failures. Counted per user name, known or not (so the answer does not tell which names exist),
 * in this process: with several nodes each counts its own.
 */
final class SignInAttempts {

    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    SignInAttempts(int maxFailures, Duration lockout, Duration maxLockout, Clock clock) {
        this.maxFailures = Math.max(1, maxFailures);
        this.lockout = lockout;
        this.maxLockout = maxLockout.compareTo(lockout) < 0 ? lockout : maxLockout;
        this.clock = clock;
    }

    /** How long the name must still wait before it may try again; empty when it may try now. */
    Optional<Duration> lockedFor(String userName) {
        Failures known = failures.get(UserAccounts.normalise(userName));
        Instant now = clock.instant();
        if (known == null || known.lockedUntil() == null || !known.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, known.lockedUntil()));
    }

    /** Counts a failure; answers whether the name is locked now. */
    boolean failed(String userName) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            Instant forgotten = now.minus(maxLockout.multipliedBy(2));
            failures.values().removeIf(entry -> entry.last().isBefore(forgotten));
        }
        Failures next = failures.compute(UserAccounts.normalise(userName), (name, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            Instant lockedUntil = null;
            if (count >= maxFailures) {
                int doublings = Math.min(count - maxFailures, 20);
                Duration wait = lockout.multipliedBy(1L << doublings);
                lockedUntil = now.plus(wait.compareTo(maxLockout) > 0 ? maxLockout : wait);
            }
            return new Failures(count, lockedUntil, now);
        });
        return next.lockedUntil() != null;
    }

    void succeeded(String userName) {
        failures.remove(UserAccounts.normalise(userName));
    }
}
