package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;

/** A read is recorded before its answer is written, and withheld when the trail cannot store the entry. */
class AuditBeforeAnswerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @RestController
    static class Lookups {

        @GetMapping("/api/v1/profiles/lookup")
        @Audited("profile.lookup")
        ResponseEntity<Map<String, String>> lookup(@RequestParam String value, HttpServletRequest request) {
            if (value.equals("nobody")) {
                return ResponseEntity.notFound().build();
            }
            request.setAttribute(AuditedAccess.PROFILE_ATTRIBUTE, "p-42");
            return ResponseEntity.ok(Map.of("profileId", "p-42", "displayName", "Anna Schmidt"));
        }
    }

    /** A trail that stores entries in a list, or refuses them. */
    static final class Trail implements AuditTrail {

        final List<AuditEntry> entries = new ArrayList<>();
        boolean refusing;

        @Override
        public void record(AuditEntry entry) {
            if (refusing) {
                throw new IllegalStateException("the disk is full");
            }
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> find(Criteria criteria) {
            return entries;
        }
    }

    private final Trail trail = new Trail();
    private final AuditedAccess audited = new AuditedAccess(trail, CLOCK);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Lookups())
            .setControllerAdvice(new AuditBeforeAnswer(audited), new ApiExceptionHandler())
            .addInterceptors(audited).build();

    @Test
    void recordsALookupOnceWithTheProfileFoundBeforeAnsweringIt() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/profiles/lookup").param("value", "anna@example.de"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(trail.entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("profile.lookup");
            assertThat(entry.profileId()).isEqualTo("p-42");
            assertThat(entry.path()).isEqualTo("/api/v1/profiles/lookup");
            assertThat(entry.at()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void withholdsTheAnswerWhenTheTrailCannotStoreItsEntry() throws Exception {
        trail.refusing = true;

        MockHttpServletResponse response = mvc.perform(get("/api/v1/profiles/lookup").param("value", "anna@example.de"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).doesNotContain("Anna").doesNotContain("p-42")
                .contains("could not be recorded in the audit trail");
    }

    @Test
    void recordsNothingForALookupThatFoundNobody() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/profiles/lookup").param("value", "nobody"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(trail.entries).isEmpty();
    }
}
