package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap admin key: MOSAIC_API_KEY when set; otherwise generated at first start, printed once, and only its
 * hash kept in the data folder.
 */
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final byte[] adminKeyHash;

    private ApiKeys(byte[] adminKeyHash) {
        this.adminKeyHash = adminKeyHash;
    }

    static ApiKeys bootstrap(String configuredKey, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new ApiKeys(sha256(configuredKey.strip()));
        }
        Path hashFile = dataDir.resolve("admin-api-key.sha256");
        try {
            if (Files.exists(hashFile)) {
                return new ApiKeys(HexFormat.of().parseHex(Files.readString(hashFile).strip()));
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(hashFile, HexFormat.of().formatHex(sha256(key)));
            try {
                Files.setPosixFilePermissions(hashFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            // Printed on purpose, once: it is the only way the operator learns a generated key.
            log.warn("\n\n  Generated the admin API key (shown only this once; set MOSAIC_API_KEY to choose your own):\n"
                    + "    X-API-Key: {}\n", key);
            return new ApiKeys(sha256(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the admin API key in " + hashFile, e);
        }
    }

    boolean isAdminKey(String presented) {
        return presented != null && MessageDigest.isEqual(adminKeyHash, sha256(presented.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
