package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserAccountsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path dataDir;

    @Test
    void aPersonCreatedBeforeARestartSignsInAfterItWithTheSamePasswordOnly() {
        new UserAccounts(dataDir, encoder, Clock.systemUTC())
                .create("Anna.Berger", "Anna Berger", EnumSet.of(Role.STAFF), "a-long-enough-password");

        UserAccounts restarted = new UserAccounts(dataDir, encoder, Clock.systemUTC());

        assertThat(restarted.authenticate("anna.berger", "a-long-enough-password")).hasValueSatisfying(account -> {
            assertThat(account.displayName()).isEqualTo("Anna Berger");
            assertThat(account.roles()).containsExactly(Role.STAFF);
        });
        assertThat(restarted.authenticate("ANNA.BERGER ", "a-long-enough-password")).isPresent();
        assertThat(restarted.authenticate("anna.berger", "a-long-enough-passwort")).isEmpty();
        assertThat(restarted.authenticate("somebody", "a-long-enough-password")).isEmpty();
    }

    @Test
    void aDisabledPersonCannotSignInAndAGeneratedPasswordIsLongAndWorks() {
        UserAccounts accounts = new UserAccounts(dataDir, encoder, Clock.systemUTC());
        UserAccounts.WithPassword created = accounts.create("ben", null, EnumSet.of(Role.STEWARD), null);

        assertThat(created.generatedPassword()).hasSize(24);
        assertThat(created.account().displayName()).isEqualTo("ben");
        assertThat(accounts.authenticate("ben", created.generatedPassword())).isPresent();
        accounts.update("ben", "Ben", EnumSet.of(Role.STEWARD), false);
        assertThat(accounts.authenticate("ben", created.generatedPassword())).isEmpty();
    }

    @Test
    void refusesShortAndOverlongPasswordsAndTheAdminName() {
        UserAccounts accounts = new UserAccounts(dataDir, encoder, Clock.systemUTC());

        assertThatThrownBy(() -> accounts.create("carla", "Carla", EnumSet.of(Role.STAFF), "eleven-char"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.create("carla", "Carla", EnumSet.of(Role.STAFF), "ä".repeat(37)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> accounts.create("admin", "Admin", EnumSet.of(Role.ADMIN), null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("exists already");
        assertThat(accounts.authenticate("carla", "x".repeat(100))).isEmpty();
    }
}
