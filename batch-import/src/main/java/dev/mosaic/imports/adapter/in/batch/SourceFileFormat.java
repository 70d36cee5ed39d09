package dev.mosaic.imports.adapter.in.batch;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.ImportMapping;

/**
 * How a source file is written: CSV with a header row or JSON Lines, either optionally gzip-compressed. Told from
 * the content, not the name, so an upload without a file name works too.
 */
record SourceFileFormat(boolean gzip, boolean jsonLines) {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    static final int SNIFF_BYTES = 64 * 1024;

    /**
     * Looks at the file as a whole and refuses it, naming what is wrong, when it cannot be imported at all: not UTF-8
     * text in its first {@value #SNIFF_BYTES} bytes, empty, binary, neither CSV nor JSON Lines, or without the
     * columns (the keys of its first JSON object) the type or mapping needs. Invalid bytes further in cost only
     * their row, which the reader quarantines.
     */
    static SourceFileFormat inspect(Path file, String fileName, ImportType type, ImportMapping mapping) {
        boolean gzip = startsWithGzipMagic(file);
        String firstLine = firstLine(file, fileName, gzip);
        if (firstLine == null || firstLine.isBlank()) {
            throw new FileRejectedException(fileName + ": the file is empty; a CSV header row or JSON Lines expected");
        }
        if (firstLine.indexOf('\0') >= 0) {
            throw new FileRejectedException(fileName + ": a binary file, not CSV or JSON Lines");
        }
        String trimmed = firstLine.replace("\uFEFF", "").strip();
        if (trimmed.startsWith("{")) {
            List<String> keys;
            try {
                keys = new JsonLinesRowMapper().keys(trimmed);
            } catch (InvalidRowException e) {
                throw new FileRejectedException(fileName + ": line 1 looks like JSON Lines but is " + e.getMessage());
            }
            refuseWithoutRequiredColumns(fileName, type, mapping, keys, "field(s) missing from the first JSON object");
            return new SourceFileFormat(gzip, true);
        }
        List<String> header = CsvRowMapper.parseHeader(firstLine);
        refuseWithoutRequiredColumns(fileName, type, mapping, header, "column(s) missing from the header");
        return new SourceFileFormat(gzip, false);
    }

    private static void refuseWithoutRequiredColumns(String fileName, ImportType type, ImportMapping mapping,
                                                     List<String> columns, String what) {
        List<String> missing = mapping != null ? mapping.missingSourceColumns(columns)
                : type.requiredColumns().stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new FileRejectedException(fileName + ": required " + what + " for "
                    + (mapping != null ? "mapping " + mapping.name() : "type " + type.code()) + ": "
                    + String.join(", ", missing) + " (found: " + String.join(", ", columns) + ")");
        }
    }

    /** The first line, after checking that the file's beginning is UTF-8 text. */
    private static String firstLine(Path file, String fileName, boolean gzip) {
        byte[] beginning;
        boolean whole;
        try (InputStream in = open(file, gzip)) {
            beginning = in.readNBytes(SNIFF_BYTES);
            whole = beginning.length < SNIFF_BYTES || in.read() < 0;
        } catch (IOException e) {
            throw new FileRejectedException(fileName + ": cannot be read" + (gzip ? " as gzip" : "") + ": " + e.getMessage());
        }
        refuseUnlessUtf8(beginning, whole, fileName);
        int end = 0;
        while (end < beginning.length && beginning[end] != '\n' && beginning[end] != '\r') {
            end++;
        }
        if (end < beginning.length || whole) {
            return new String(beginning, 0, end, StandardCharsets.UTF_8);
        }
        // A first line longer than what was sniffed (a large first JSON object) is read on its own.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file, gzip),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException(fileName + ": not UTF-8 text in line 1 (CSV with a header row or JSON "
                    + "Lines expected, written as UTF-8)");
        } catch (IOException e) {
            throw new FileRejectedException(fileName + ": cannot be read" + (gzip ? " as gzip" : "") + ": " + e.getMessage());
        }
    }

    private static void refuseUnlessUtf8(byte[] beginning, boolean whole, String fileName) {
        if (beginning.length >= 2 && ((beginning[0] == (byte) 0xFF && beginning[1] == (byte) 0xFE)
                || (beginning[0] == (byte) 0xFE && beginning[1] == (byte) 0xFF))) {
            throw new FileRejectedException(fileName + ": UTF-16 text; save it as UTF-8 (CSV with a header row or "
                    + "JSON Lines expected)");
        }
        ByteBuffer bytes = ByteBuffer.wrap(beginning);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                // Not the end unless the file is: the sniffed bytes may end inside a character.
                .decode(bytes, CharBuffer.allocate(beginning.length), whole);
        if (result.isError()) {
            int at = bytes.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (beginning[i] == '\n') {
                    line++;
                }
            }
            throw new FileRejectedException(fileName + ": not UTF-8 text: byte " + String.format("0x%02X",
                    beginning[at] & 0xFF) + " in line " + line + " cannot be read; the file is probably Latin-1 or "
                    + "Windows-1252: save it as UTF-8 and import it again (CSV with a header row or JSON Lines "
                    + "expected)");
        }
    }

    Resource resource(Path file) {
        if (!gzip) {
            return new FileSystemResource(file);
        }
        return new FileSystemResource(file) {
            @Override
            public InputStream getInputStream() throws IOException {
                return new GZIPInputStream(super.getInputStream(), 64 * 1024);
            }
        };
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return gzip ? new GZIPInputStream(in) : in;
    }

    private static boolean startsWithGzipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        } catch (IOException e) {
            return false;
        }
    }
}
