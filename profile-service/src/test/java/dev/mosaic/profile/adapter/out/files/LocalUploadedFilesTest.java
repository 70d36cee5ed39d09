package dev.mosaic.profile.adapter.out.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mosaic.identity.domain.SourceRecordKey;

/** The uploads an erasure deletes: every file under the folder holding one of the records, and no other. */
class LocalUploadedFilesTest {

    @TempDir
    Path uploads;

    @Test
    void deletesFilesHoldingARecordInTheFolderAndEveryFolderBelowIt() throws Exception {
        Path top = Files.writeString(uploads.resolve("export.csv"), "source,record_id\ncrm,r-17\n");
        Path nested = Files.createDirectories(uploads.resolve("demo-generated").resolve("2026"));
        Path deep = Files.writeString(nested.resolve("customers.csv"), "source,record_id\nwebshop,w-9\n");
        Path gzipped = nested.resolve("tickets.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write("source,record_id\nhelpdesk,t-3\n".getBytes(StandardCharsets.UTF_8));
        }
        Path other = Files.writeString(nested.resolve("purchases.csv"), "source,record_id\npos,r-170\n");

        int deleted = new LocalUploadedFiles(uploads).deleteHolding(List.of(new SourceRecordKey("crm", "r-17"),
                new SourceRecordKey("webshop", "w-9"), new SourceRecordKey("helpdesk", "t-3")));

        assertThat(deleted).isEqualTo(3);
        assertThat(top).doesNotExist();
        assertThat(deep).doesNotExist();
        assertThat(gzipped).doesNotExist();
        assertThat(other).as("r-170 is not r-17").exists();
    }
}
