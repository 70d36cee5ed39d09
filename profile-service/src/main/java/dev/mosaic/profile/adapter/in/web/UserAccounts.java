package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who sign in to the pages: a user name, a display name, roles and a password of which only a slow hash
 * (bcrypt, through Spring Security's {@link PasswordEncoder}) is kept, in the data folder ({@code users.tsv}, beside
 * {@code api-keys.tsv}, owner-only, written atomically). Disabled accounts stay listed, so it is clear who existed.
 * The user name {@value ApiKeys#BOOTSTRAP_NAME} is not kept here: it signs in with the bootstrap admin API key.
 */
final class UserAccounts {

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; Spring Security refuses longer passwords rather than cutting them. */
    static final int MAX_PASSWORD_BYTES = 72;

    /** An account as kept: the password only as its hash. */
    record Account(String userName, String displayName, Set<Role> roles, String passwordHash, Instant createdAt,
                   Instant disabledAt, Instant passwordChangedAt) {

        boolean enabled() {
            return disabledAt == null;
        }
    }

    /** An account just created or given a new password; the password is known only now (generated ones are shown). */
    record WithPassword(Account account, String generatedPassword) {
    }

    private final Path file;
    private final PasswordEncoder encoder;
    private final Clock clock;
    /** Hashed once, so that checking an unknown user name costs as long as checking a known one. */
    private final String unknownUserHash;
    /** Replaced whole on every change, so each request reads it without a lock. */
    private volatile Map<String, Account> byName = Map.of();

    UserAccounts(Path dataDir, PasswordEncoder encoder, Clock clock) {
        this.file = dataDir.resolve("users.tsv");
        this.encoder = encoder;
        this.clock = clock;
        this.unknownUserHash = encoder.encode(newPassword());
        load();
    }

    /** User names are kept and compared in lower case, so 'Anna' and 'anna' are one person. */
    static String normalise(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> find(String userName) {
        return Optional.ofNullable(byName.get(normalise(userName)));
    }

    boolean exists(String userName) {
        return byName.containsKey(normalise(userName)) || normalise(userName).equals(ApiKeys.BOOTSTRAP_NAME);
    }

    List<Account> list() {
        return List.copyOf(byName.values());
    }

    /** The enabled account whose password this is; a wrong password, an unknown or a disabled account: empty. */
    Optional<Account> authenticate(String userName, String password) {
        Account account = byName.get(normalise(userName));
        boolean usable = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        boolean matches = encoder.matches(usable ? password : "", account == null ? unknownUserHash
                : account.passwordHash());
        return matches && usable && account.enabled() ? Optional.of(account) : Optional.empty();
    }

    synchronized WithPassword create(String userName, String displayName, Set<Role> roles, String password) {
        String name = normalise(userName);
        if (!USER_NAME.matcher(name).matches()) {
            throw new BadRequestException("userName must be 2-64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (exists(name)) {
            throw new BadRequestException("a person with the user name '" + name + "' exists already");
        }
        String chosen = password == null || password.isEmpty() ? newPassword() : checkedPassword(password);
        Instant now = clock.instant();
        Account account = new Account(name, checkedDisplayName(displayName, name), checkedRoles(roles),
                encoder.encode(chosen), now, null, now);
        replace(account);
        return new WithPassword(account, password == null || password.isEmpty() ? chosen : null);
    }

    /** Changes the display name, the roles and whether the account may sign in; empty when there is no such person. */
    synchronized Optional<Account> update(String userName, String displayName, Set<Role> roles, boolean enabled) {
        return find(userName).map(account -> {
            Instant disabledAt = enabled ? null : account.disabledAt() != null ? account.disabledAt() : clock.instant();
            Account changed = new Account(account.userName(), checkedDisplayName(displayName, account.userName()),
                    checkedRoles(roles), account.passwordHash(), account.createdAt(), disabledAt,
                    account.passwordChangedAt());
            replace(changed);
            return changed;
        });
    }

    /** Sets a new password (generated when none is given); sessions signed in before it end. */
    synchronized Optional<WithPassword> resetPassword(String userName, String password) {
        return find(userName).map(account -> {
            String chosen = password == null || password.isEmpty() ? newPassword() : checkedPassword(password);
            Account changed = new Account(account.userName(), account.displayName(), account.roles(),
                    encoder.encode(chosen), account.createdAt(), account.disabledAt(), clock.instant());
            replace(changed);
            return new WithPassword(changed, password == null || password.isEmpty() ? chosen : null);
        });
    }

    private static String checkedPassword(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new BadRequestException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new BadRequestException("password must have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        return password;
    }

    private static String checkedDisplayName(String displayName, String userName) {
        String name = displayName == null || displayName.isBlank() ? userName : displayName.strip();
        if (name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("displayName must be at most 100 characters, without tabs or line breaks");
        }
        return name;
    }

    private static Set<Role> checkedRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new BadRequestException("roles must name at least one of: STAFF, MARKETER, STEWARD, SYSTEM, ADMIN");
        }
        return EnumSet.copyOf(roles);
    }

    /** 18 random bytes: 24 characters, far beyond guessing, short enough to type once on a tablet. */
    static String newPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void replace(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(byName);
        next.put(account.userName(), account);
        save(next);
        byName = Collections.unmodifiableMap(next);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Account> loaded = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Account account = new Account(f[0], f[1], f[2].isEmpty() ? EnumSet.noneOf(Role.class)
                        : Arrays.stream(f[2].split(",")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                        f[3], Instant.parse(f[4]), f[5].isEmpty() ? null : Instant.parse(f[5]), Instant.parse(f[6]));
                loaded.put(account.userName(), account);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the user accounts in " + file, e);
        }
        byName = Collections.unmodifiableMap(loaded);
    }

    private void save(Map<String, Account> accounts) {
        List<String> lines = new ArrayList<>();
        for (Account account : accounts.values()) {
            lines.add(String.join("\t", account.userName(), account.displayName(),
                    account.roles().stream().map(Role::name).collect(Collectors.joining(",")), account.passwordHash(),
                    account.createdAt().toString(), account.disabledAt() == null ? "" : account.disabledAt().toString(),
                    account.passwordChangedAt().toString()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
            ownerOnly(temporary);
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the user accounts in " + file, e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }
}
