package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void letsABurstThroughThenAnswers429WithRetryAfter() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitFilter.Limit(0.5, 2));
        authenticateAs("k1");
        assertThat(call(filter).getStatus()).isEqualTo(200);
        assertThat(call(filter).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentAsString()).contains("\"status\":429");
    }

    @Test
    void keepsABucketPerKey() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitFilter.Limit(0.5, 1));
        authenticateAs("k1");
        assertThat(call(filter).getStatus()).isEqualTo(200);
        assertThat(call(filter).getStatus()).isEqualTo(429);
        authenticateAs("k2");
        assertThat(call(filter).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse call(RateLimitFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/profiles/x"), response, new MockFilterChain());
        return response;
    }

    private static void authenticateAs(String id) {
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(id,
                null, java.util.List.of());
        authentication.setDetails(new ApiKeys.StoredKey(id, id, EnumSet.of(Role.SYSTEM), "hash", Instant.now(), null,
                0, 0));
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
