package dev.mosaic.profile.adapter.in.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do; docs/security.md has the matrix of paths per role. */
enum Role {
    STAFF, MARKETER, STEWARD, SYSTEM, ADMIN;

    static Optional<Role> fromName(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    String authority() {
        return "ROLE_" + name();
    }
}
