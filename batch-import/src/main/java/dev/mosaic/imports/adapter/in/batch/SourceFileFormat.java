package dev.mosaic.imports.adapter.in.batch;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
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

    /** Looks at the file as a whole and refuses it, naming what is wrong, when it cannot be imported at all. */
    static SourceFileFormat inspect(Path file, String fileName, ImportType type, ImportMapping mapping) {
        boolean gzip = startsWithGzipMagic(file);
        String firstLine;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file, gzip),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            firstLine = reader.readLine();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException(fileName + ": not UTF-8 text (CSV with a header row or JSON Lines expected)");
        } catch (IOException e) {
            throw new FileRejectedException(fileName + ": cannot be read" + (gzip ? " as gzip" : "") + ": " + e.getMessage());
        }
        if (firstLine == null || firstLine.isBlank()) {
            throw new FileRejectedException(fileName + ": the file is empty; a CSV header row or JSON Lines expected");
        }
        if (firstLine.indexOf('\0') >= 0) {
            throw new FileRejectedException(fileName + ": a binary file, not CSV or JSON Lines");
        }
        String trimmed = firstLine.replace("\uFEFF", "").strip();
        if (trimmed.startsWith("{")) {
            try {
                new JsonLinesRowMapper().mapLine(trimmed, 1);
            } catch (InvalidRowException e) {
                throw new FileRejectedException(fileName + ": line 1 looks like JSON Lines but " + e.getMessage());
            }
            return new SourceFileFormat(gzip, true);
        }
        List<String> header = CsvRowMapper.parseHeader(firstLine);
        List<String> missing = mapping != null ? mapping.missingSourceColumns(header)
                : type.requiredColumns().stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new FileRejectedException(fileName + ": required column(s) missing from the header for "
                    + (mapping != null ? "mapping " + mapping.name() : "type " + type.code()) + ": "
                    + String.join(", ", missing) + " (found: " + String.join(", ", header) + ")");
        }
        return new SourceFileFormat(gzip, false);
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
