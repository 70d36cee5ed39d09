package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits the requests of each API key (and of each signed-in person) with a token bucket: {@code requestsPerSecond} refill a bucket of {@code burst}
 * tokens; a request without a token gets 429 with Retry-After. The buckets live in this process, so with several
 * Mosaic nodes behind a load balancer a key may send the limit to each node.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    record Limit(double requestsPerSecond, int burst) {
    }

    private final Limit defaults;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(Limit defaults) {
        this.defaults = defaults;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object caller = authentication == null ? null : authentication.getDetails();
        if (defaults.requestsPerSecond() > 0 && (caller instanceof ApiKeys.StoredKey || caller instanceof SessionUser)) {
            Limit limit = caller instanceof ApiKeys.StoredKey key && key.requestsPerSecond() > 0
                    ? new Limit(key.requestsPerSecond(), key.burst() > 0 ? key.burst() : defaults.burst())
                    : defaults;
            // A signed-in person has the default limit, counted per person over all their sessions.
            String bucket = caller instanceof ApiKeys.StoredKey key ? key.id()
                    : "user:" + ((SessionUser) caller).userName();
            long waitNanos = buckets.computeIfAbsent(bucket, id -> new TokenBucket(limit)).take();
            if (waitNanos > 0) {
                long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(seconds));
                ProblemResponses.write(response, 429, "Too Many Requests", (caller instanceof SessionUser
                        ? "You sent" : "This API key sent") + " more than " + limit.requestsPerSecond()
                        + " requests per second (burst " + limit.burst() + "); retry after " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static final class TokenBucket {

        private final double perNano;
        private final double capacity;
        private double tokens;
        private long refilledAt = System.nanoTime();

        TokenBucket(Limit limit) {
            this.perNano = limit.requestsPerSecond() / 1e9;
            this.capacity = Math.max(1, limit.burst());
            this.tokens = capacity;
        }

        /** Takes a token: 0 when there was one, otherwise how long until the next one. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
