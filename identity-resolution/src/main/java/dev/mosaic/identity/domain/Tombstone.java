package dev.mosaic.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What is kept of an erased person: SHA-256 hashes of their records' keys and of their normalised identifiers, never
 * the plain values, so a re-import of the same records is recognised without keeping who they were.
 */
public final class Tombstone {

    private Tombstone() {
    }

    public static String ofRecord(SourceRecordKey key) {
        return sha256("record:" + key.source() + "/" + key.recordId());
    }

    public static String ofIdentifier(String type, String normalisedValue) {
        return sha256("identifier:" + type + ":" + normalisedValue);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
