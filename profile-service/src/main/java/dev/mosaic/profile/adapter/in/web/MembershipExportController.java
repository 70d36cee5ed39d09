package dev.mosaic.profile.adapter.in.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.mosaic.identity.domain.IdentityGraph;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.ObjectMapper;

/** Which profile each source record belongs to, streamed from the identity graph as JSON Lines. */
@RestController
class MembershipExportController {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final IdentityGraph graph;
    private final ObjectMapper json;

    MembershipExportController(IdentityGraph graph, ObjectMapper json) {
        this.graph = graph;
        this.json = json;
    }

    @Audited("export.memberships")
    @GetMapping("/api/v1/export/memberships")
    @Operation(summary = "One JSON line per source record: {\"profileId\", \"source\", \"recordId\"}")
    ResponseEntity<StreamingResponseBody> memberships() {
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            graph.forEachMembership((profile, record) -> {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("profileId", profile.value());
                line.put("source", record.source());
                line.put("recordId", record.recordId());
                try {
                    writer.write(json.writeValueAsString(line));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(JSON_LINES).body(body);
    }
}
