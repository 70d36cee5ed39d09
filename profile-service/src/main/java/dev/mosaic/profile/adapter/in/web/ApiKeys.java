package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys and their roles. The bootstrap admin key is MOSAIC_API_KEY when set; otherwise generated at first start,
 * printed once. Further keys are created by an admin; of every key only a SHA-256 hash is kept, in the data folder
 * ({@code api-keys.tsv}), so a key is shown once, when it is created. Keys are random 192-bit secrets, so a plain
 * hash (no slow password hash) cannot be reversed by guessing.
 */
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    static final String BOOTSTRAP_NAME = "admin";

    /** A key as kept: never the secret, only its hash. Rate limits of 0 mean the configured defaults. */
    record StoredKey(String id, String name, Set<Role> roles, String hash, Instant createdAt, Instant revokedAt,
                     double requestsPerSecond, int burst) {

        boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just created: the only moment its secret is known. */
    record CreatedKey(StoredKey key, String secret) {
    }

    private final byte[] adminKeyHash;
    private final Path keyFile;
    /** Replaced whole on every change, so the check of each request reads it without a lock. */
    private volatile Map<String, StoredKey> byHash = Map.of();

    private ApiKeys(byte[] adminKeyHash, Path keyFile) {
        this.adminKeyHash = adminKeyHash;
        this.keyFile = keyFile;
        load();
    }

    static ApiKeys bootstrap(String configuredKey, Path dataDir) {
        Path keyFile = dataDir.resolve("api-keys.tsv");
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new ApiKeys(sha256(configuredKey.strip()), keyFile);
        }
        Path hashFile = dataDir.resolve("admin-api-key.sha256");
        try {
            if (Files.exists(hashFile)) {
                return new ApiKeys(HexFormat.of().parseHex(Files.readString(hashFile).strip()), keyFile);
            }
            String key = newSecret();
            Files.createDirectories(dataDir);
            Files.writeString(hashFile, HexFormat.of().formatHex(sha256(key)));
            ownerOnly(hashFile);
            // Printed on purpose, once: it is the only way the operator learns a generated key.
            log.warn("\n\n  Generated the admin API key (shown only this once; set MOSAIC_API_KEY to choose your own):\n"
                    + "    X-API-Key: {}\n", key);
            return new ApiKeys(sha256(key), keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the admin API key in " + hashFile, e);
        }
    }

    /** The key presented, if it is the bootstrap key or an active created key. */
    Optional<StoredKey> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.strip());
        if (MessageDigest.isEqual(adminKeyHash, hash)) {
            return Optional.of(new StoredKey("bootstrap", BOOTSTRAP_NAME, EnumSet.of(Role.ADMIN),
                    HexFormat.of().formatHex(hash), null, null, 0, 0));
        }
        return Optional.ofNullable(byHash.get(HexFormat.of().formatHex(hash))).filter(StoredKey::active);
    }

    /** Whether this is the bootstrap admin key: the password of the user {@value #BOOTSTRAP_NAME} on the login page. */
    boolean isBootstrapKey(String presented) {
        return presented != null && !presented.isBlank()
                && MessageDigest.isEqual(adminKeyHash, sha256(presented.strip()));
    }

    /** Whether a key, active or revoked, has this name: the audit trail names keys and people alike. */
    boolean nameTaken(String name) {
        String wanted = name == null ? "" : name.strip();
        return wanted.equalsIgnoreCase(BOOTSTRAP_NAME)
                || byHash.values().stream().anyMatch(key -> key.name().equalsIgnoreCase(wanted));
    }

    synchronized CreatedKey create(String name, Set<Role> roles, double requestsPerSecond, int burst) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("name must be 1-64 letters, digits, spaces, '.', '_' or '-'");
        }
        if (roles == null || roles.isEmpty()) {
            throw new BadRequestException("roles must name at least one of: STAFF, MARKETER, STEWARD, SYSTEM, ADMIN");
        }
        if (requestsPerSecond < 0 || burst < 0) {
            throw new BadRequestException("requestsPerSecond and burst must not be negative");
        }
        if (name.equals(BOOTSTRAP_NAME) || byHash.values().stream().anyMatch(key -> key.active() && key.name().equals(name))) {
            throw new BadRequestException("an active key named '" + name + "' exists already");
        }
        String secret = newSecret();
        StoredKey key = new StoredKey(UUID.randomUUID().toString(), name, EnumSet.copyOf(roles),
                HexFormat.of().formatHex(sha256(secret)), Instant.now(), null, requestsPerSecond, burst);
        replace(key);
        return new CreatedKey(key, secret);
    }

    synchronized List<StoredKey> list() {
        return List.copyOf(byHash.values());
    }

    /** Revokes the key; false when there is no such key. Revoking twice keeps the first time. */
    synchronized boolean revoke(String id) {
        for (StoredKey key : byHash.values()) {
            if (key.id().equals(id)) {
                if (key.active()) {
                    replace(new StoredKey(key.id(), key.name(), key.roles(), key.hash(), key.createdAt(),
                            Instant.now(), key.requestsPerSecond(), key.burst()));
                }
                return true;
            }
        }
        return false;
    }

    /** Gives an active key other roles from its next request on; empty when there is no such active key. */
    synchronized Optional<StoredKey> setRoles(String id, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new BadRequestException("roles must name at least one of: STAFF, MARKETER, STEWARD, SYSTEM, ADMIN");
        }
        for (StoredKey key : byHash.values()) {
            if (key.id().equals(id) && key.active()) {
                StoredKey changed = new StoredKey(key.id(), key.name(), EnumSet.copyOf(roles), key.hash(),
                        key.createdAt(), null, key.requestsPerSecond(), key.burst());
                replace(changed);
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    private void replace(StoredKey key) {
        Map<String, StoredKey> next = new LinkedHashMap<>(byHash);
        next.put(key.hash(), key);
        save(next);
        byHash = java.util.Collections.unmodifiableMap(next);
    }

    private void load() {
        if (!Files.exists(keyFile)) {
            return;
        }
        Map<String, StoredKey> loaded = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                StoredKey key = new StoredKey(f[0], f[1], f[2].isEmpty() ? EnumSet.noneOf(Role.class)
                        : java.util.Arrays.stream(f[2].split(",")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                        f[3], Instant.parse(f[4]), f[5].isEmpty() ? null : Instant.parse(f[5]),
                        Double.parseDouble(f[6]), Integer.parseInt(f[7]));
                loaded.put(key.hash(), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API keys in " + keyFile, e);
        }
        byHash = java.util.Collections.unmodifiableMap(loaded);
    }

    private void save(Map<String, StoredKey> keys) {
        List<String> lines = new ArrayList<>();
        for (StoredKey key : keys.values()) {
            lines.add(String.join("\t", key.id(), key.name(),
                    key.roles().stream().map(Role::name).collect(Collectors.joining(",")), key.hash(),
                    key.createdAt().toString(), key.revokedAt() == null ? "" : key.revokedAt().toString(),
                    Double.toString(key.requestsPerSecond()), Integer.toString(key.burst())));
        }
        try {
            Files.createDirectories(keyFile.getParent());
            Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            ownerOnly(temporary);
            Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the API keys in " + keyFile, e);
        }
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
