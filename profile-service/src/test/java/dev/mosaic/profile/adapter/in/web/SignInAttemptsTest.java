package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private final MovableClock clock = new MovableClock();
    private final SignInAttempts attempts = new SignInAttempts(3, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);

    @Test
    void locksANameAfterTheAllowedFailuresAndLetsItTryAgainOnceTheWaitIsOver() {
        assertThat(attempts.failed("anna")).isFalse();
        assertThat(attempts.failed("anna")).isFalse();
        assertThat(attempts.failed("anna")).isTrue();
        assertThat(attempts.lockedFor("anna")).hasValue(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(attempts.lockedFor("anna")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.lockedFor("anna")).isEmpty();
    }

    @Test
    void everyFurtherFailureDoublesTheWaitUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("ben");
        }
        clock.advance(Duration.ofSeconds(30));
        attempts.failed("ben");
        assertThat(attempts.lockedFor("ben")).hasValue(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        attempts.failed("ben");
        assertThat(attempts.lockedFor("ben")).hasValue(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        attempts.failed("ben");
        assertThat(attempts.lockedFor("ben")).hasValue(Duration.ofMinutes(2));
    }

    @Test
    void aSuccessForgetsTheFailuresAndNamesAreCountedWithoutRegardToCase() {
        attempts.failed("Carla");
        attempts.failed("carla ");
        attempts.succeeded("CARLA");
        assertThat(attempts.failed("carla")).isFalse();
        assertThat(attempts.failed("carla")).isFalse();
        assertThat(attempts.lockedFor("dora")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
