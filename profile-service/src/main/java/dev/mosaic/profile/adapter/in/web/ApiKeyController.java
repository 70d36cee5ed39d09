package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** An admin's API keys: created with a name and roles, listed without secrets, revoked. */
@RestController
@RequestMapping("/api/v1/admin/keys")
class ApiKeyController {

    private final ApiKeys keys;
    private final UserAccounts people;

    ApiKeyController(ApiKeys keys, UserAccounts people) {
        this.keys = keys;
        this.people = people;
    }

    @Schema(name = "ApiKeyRequest")
    record CreateKey(
            @Schema(description = "Unique among active keys, e.g. 'store-berlin-tablet'", example = "store-berlin-tablet")
            String name,
            @Schema(description = "STAFF, MARKETER, STEWARD, SYSTEM and/or ADMIN", example = "[\"STAFF\"]") List<String> roles,
            @Schema(description = "Optional own rate limit; 0 or absent: mosaic.rate-limit.requests-per-second")
            Double requestsPerSecond,
            @Schema(description = "Optional own burst; 0 or absent: mosaic.rate-limit.burst") Integer burst) {
    }

    @Schema(name = "ApiKey")
    record KeyResponse(String id, String name, List<String> roles, Instant createdAt, Instant revokedAt,
                       boolean active, double requestsPerSecond, int burst,
                       @Schema(description = "The key itself: only in the answer to its creation, never again")
                       String secret) {

        static KeyResponse of(ApiKeys.StoredKey key, String secret) {
            return new KeyResponse(key.id(), key.name(), key.roles().stream().map(Role::name).toList(),
                    key.createdAt(), key.revokedAt(), key.active(), key.requestsPerSecond(), key.burst(), secret);
        }
    }

    @Audited("admin.key.create")
    @PostMapping
    @Operation(summary = "Creates an API key with a name and roles; the answer holds the key, shown this once")
    ResponseEntity<KeyResponse> create(@RequestBody CreateKey request) {
        if (request == null) {
            throw new BadRequestException("send {\"name\": ..., \"roles\": [...]}");
        }
        Set<Role> roles = UserController.roles(request.roles());
        if (request.name() != null && people.exists(request.name())) {
            throw new BadRequestException("a person has the user name '" + request.name().strip()
                    + "'; the audit trail must tell people and keys apart, so choose another key name");
        }
        ApiKeys.CreatedKey created = keys.create(request.name(), roles,
                request.requestsPerSecond() == null ? 0 : request.requestsPerSecond(),
                request.burst() == null ? 0 : request.burst());
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyResponse.of(created.key(), created.secret()));
    }

    @Audited("admin.key.list")
    @GetMapping
    @Operation(summary = "Every created key with its roles, active or revoked; never the secrets")
    List<KeyResponse> list() {
        return keys.list().stream().map(key -> KeyResponse.of(key, null)).toList();
    }

    @Schema(name = "ApiKeyRoles")
    record SetRoles(@Schema(example = "[\"STAFF\", \"STEWARD\"]") List<String> roles) {
    }

    @Audited("admin.key.roles")
    @PutMapping("/{keyId}/roles")
    @Operation(summary = "Gives an active key other roles, from its next request on; 404 for an unknown or revoked key")
    ResponseEntity<KeyResponse> setRoles(@PathVariable String keyId, @RequestBody(required = false) SetRoles request) {
        if (request == null) {
            throw new BadRequestException("send {\"roles\": [...]}");
        }
        return ResponseEntity.of(keys.setRoles(keyId, UserController.roles(request.roles()))
                .map(key -> KeyResponse.of(key, null)));
    }

    @Audited("admin.key.revoke")
    @DeleteMapping("/{keyId}")
    @Operation(summary = "Revokes a key: it is refused from the next request on")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        return keys.revoke(keyId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
