package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** An admin's people: created with roles and a password, listed without it, changed, disabled, given a new password. */
@RestController
@RequestMapping("/api/v1/admin/users")
class UserController {

    private final UserAccounts accounts;
    private final ApiKeys keys;

    UserController(UserAccounts accounts, ApiKeys keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @Schema(name = "UserRequest")
    record CreateUser(
            @Schema(description = "2-64 lower-case letters, digits, '.', '_', '-'; unique among people and API keys",
                    example = "anna.berger") String userName,
            @Schema(example = "Anna Berger") String displayName,
            @Schema(description = "STAFF, MARKETER, STEWARD, SYSTEM and/or ADMIN", example = "[\"STAFF\"]")
            List<String> roles,
            @Schema(description = "At least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters, at most "
                    + UserAccounts.MAX_PASSWORD_BYTES + " bytes; absent: Mosaic generates one and answers it once")
            String password) {
    }

    @Schema(name = "UserUpdate")
    record UpdateUser(@Schema(example = "Anna Berger") String displayName,
                      @Schema(example = "[\"STAFF\", \"STEWARD\"]") List<String> roles,
                      @Schema(description = "false: the person cannot sign in, and their sessions end") Boolean enabled) {
    }

    @Schema(name = "PasswordReset")
    record ResetPassword(@Schema(description = "The new password; absent: Mosaic generates one and answers it once")
                         String password) {
    }

    @Schema(name = "User")
    record UserResponse(String userName, String displayName, List<String> roles, Instant createdAt,
                        Instant disabledAt, boolean enabled, Instant passwordChangedAt,
                        @Schema(description = "Only when Mosaic generated the password: shown this once, never again")
                        String generatedPassword) {

        static UserResponse of(UserAccounts.Account account, String generatedPassword) {
            return new UserResponse(account.userName(), account.displayName(),
                    account.roles().stream().map(Role::name).toList(), account.createdAt(), account.disabledAt(),
                    account.enabled(), account.passwordChangedAt(), generatedPassword);
        }
    }

    @Audited("admin.user.create")
    @PostMapping
    @Operation(summary = "Creates a person who signs in on the login page, with roles and a password")
    ResponseEntity<UserResponse> create(@RequestBody(required = false) CreateUser request) {
        if (request == null) {
            throw new BadRequestException("send {\"userName\": ..., \"displayName\": ..., \"roles\": [...]}");
        }
        if (request.userName() != null && keys.nameTaken(UserAccounts.normalise(request.userName()))) {
            throw new BadRequestException("an API key is named '" + UserAccounts.normalise(request.userName())
                    + "'; the audit trail must tell people and keys apart, so choose another user name");
        }
        UserAccounts.WithPassword created = accounts.create(request.userName(), request.displayName(),
                roles(request.roles()), request.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(UserResponse.of(created.account(),
                created.generatedPassword()));
    }

    @Audited("admin.user.list")
    @GetMapping
    @Operation(summary = "Every person with roles, enabled or disabled; never a password or its hash")
    List<UserResponse> list() {
        return accounts.list().stream().map(account -> UserResponse.of(account, null)).toList();
    }

    @Audited("admin.user.update")
    @PutMapping("/{userName}")
    @Operation(summary = "Sets a person's display name, roles and whether they may sign in (from their next request on)")
    ResponseEntity<UserResponse> update(@PathVariable String userName, @RequestBody(required = false) UpdateUser request) {
        if (request == null || request.enabled() == null) {
            throw new BadRequestException("send {\"displayName\": ..., \"roles\": [...], \"enabled\": true|false}");
        }
        return ResponseEntity.of(accounts.update(userName, request.displayName(), roles(request.roles()),
                request.enabled()).map(account -> UserResponse.of(account, null)));
    }

    @Audited("admin.user.password")
    @PostMapping("/{userName}/password")
    @Operation(summary = "Gives a person a new password (generated when none is sent); their sessions end")
    ResponseEntity<UserResponse> resetPassword(@PathVariable String userName,
                                               @RequestBody(required = false) ResetPassword request) {
        return ResponseEntity.of(accounts.resetPassword(userName, request == null ? null : request.password())
                .map(reset -> UserResponse.of(reset.account(), reset.generatedPassword())));
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : names == null ? List.<String>of() : names) {
            roles.add(Role.fromName(role == null ? "" : role).orElseThrow(() -> new BadRequestException(
                    "role '" + role + "' is not one of: STAFF, MARKETER, STEWARD, SYSTEM, ADMIN")));
        }
        return roles;
    }
}
