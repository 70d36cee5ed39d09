package dev.mosaic.profile.adapter.out.files;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.profile.domain.UploadedFiles;

/**
 * Uploaded files in {@code <data folder>/uploads} and its subfolders, plain or gzip. A file holds a record when one
 * of its lines has the record id as a whole value (between separators or quotes): the file is deleted whole, since
 * rewriting it would change the rows an interrupted import resumes at. The graph keeps every other record of the file.
 */
final class LocalUploadedFiles implements UploadedFiles {

    private final Path folder;

    LocalUploadedFiles(Path folder) {
        this.folder = folder;
    }

    @Override
    public int deleteHolding(Collection<SourceRecordKey> records) {
        if (records.isEmpty() || !Files.isDirectory(folder)) {
            return 0;
        }
        List<Pattern> ids = records.stream().map(record -> Pattern.compile(
                "(?<![\\p{Alnum}_.@-])" + Pattern.quote(record.recordId()) + "(?![\\p{Alnum}_.@-])")).toList();
        int deleted = 0;
        // Every file under the folder: the demo data sits in a folder of its own, and so may anything an operator put there.
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (holdsAny(file, ids)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the uploaded files", e);
        }
        return deleted;
    }

    private static boolean holdsAny(Path file, List<Pattern> ids) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                for (Pattern id : ids) {
                    if (id.matcher(line).find()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
    }
}
