package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mosaic.profile.domain.AuditEntry;

class AuditJournalTest {

    @TempDir
    Path folder;

    @Test
    void numbersEntriesInOrderAndReadsThemBackAfterARestart() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.append(entry("p-1"))).isEqualTo(1);
            assertThat(journal.append(entry("p-2"))).isEqualTo(2);
        }
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.append(entry("p-3"))).isEqualTo(3);
            assertThat(journal.readAfter(0, 100)).extracting(journaled -> journaled.entry().profileId())
                    .containsExactly("p-1", "p-2", "p-3");
            assertThat(journal.readAfter(2, 100)).extracting(AuditJournal.Journaled::sequence).containsExactly(3L);
        }
    }

    @Test
    void keepsEveryEntryOfManyConcurrentReadsEachUnderItsOwnNumber() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Long>> numbers = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String profile = "p-" + i;
                numbers.add(readers.submit(() -> journal.append(entry(profile))));
            }
            List<Long> given = new ArrayList<>();
            for (var number : numbers) {
                given.add(number.get());
            }
            assertThat(given).doesNotHaveDuplicates().hasSize(2_000);
            assertThat(journal.readAfter(0, 10_000)).hasSize(2_000);
        }
    }

    @Test
    void shipsOnFromWhereItStoppedEvenAfterARestart() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            journal.append(entry("p-1"));
            journal.append(entry("p-2"));
            journal.shipped(journal.readAfter(journal.shippedSequence(), 1).getLast().sequence());
            assertThat(journal.readAfter(journal.shippedSequence(), 100)).extracting(j -> j.entry().profileId())
                    .containsExactly("p-2");
        }
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.shippedSequence()).isEqualTo(1);
            assertThat(journal.readAfter(journal.shippedSequence(), 100)).extracting(j -> j.entry().profileId())
                    .containsExactly("p-2");
        }
    }

    @Test
    void cutsOffALineACrashLeftHalfWrittenAndNumbersOnAfterTheLastWholeOne() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            journal.append(entry("p-1"));
        }
        Path segment = segments().getLast();
        Files.writeString(segment, "{\"seq\":2,\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.lastSequence()).isEqualTo(1);
            assertThat(journal.append(entry("p-2"))).isEqualTo(2);
            assertThat(journal.readAfter(0, 100)).extracting(j -> j.entry().profileId()).containsExactly("p-1", "p-2");
        }
    }

    @Test
    void startsNewSegmentsAndDeletesThoseWhoseEntriesAreAllShipped() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true, 300)) {
            for (int i = 1; i <= 10; i++) {
                journal.append(entry("p-" + i));
            }
            assertThat(segments()).hasSizeGreaterThan(2);
            assertThat(journal.readAfter(0, 100)).hasSize(10);

            journal.shipped(9);

            assertThat(segments()).hasSize(1);
            assertThat(journal.readAfter(9, 100)).extracting(j -> j.entry().profileId()).containsExactly("p-10");
        }
    }

    @Test
    void refusesASecondJournalOnTheSameFolder() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThatThrownBy(() -> new AuditJournal(folder, true)).hasMessageContaining("Another Mosaic");
        }
    }

    @Test
    void keepsItsIdAcrossRestartsSoEntriesShippedAgainReplaceThemselves() throws Exception {
        String id;
        try (AuditJournal journal = new AuditJournal(folder, false)) {
            id = journal.id();
        }
        try (AuditJournal journal = new AuditJournal(folder, false)) {
            assertThat(journal.id()).isEqualTo(id);
        }
    }

    @Test
    void shipsEverythingAgainWhenACrashLeftTheNoteOfWhatWasShippedEmpty() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            journal.append(entry("p-1"));
            journal.append(entry("p-2"));
            journal.shipped(2);
        }
        Files.writeString(folder.resolve("shipped"), "");

        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.shippedSequence()).isZero();
            assertThat(journal.readAfter(journal.shippedSequence(), 100)).extracting(j -> j.entry().profileId())
                    .containsExactly("p-1", "p-2");
            assertThat(journal.append(entry("p-3"))).isEqualTo(3);
        }
    }

    @Test
    void makesANewIdWhenACrashLeftTheIdFileEmpty() throws Exception {
        try (AuditJournal journal = new AuditJournal(folder, true)) {
            journal.append(entry("p-1"));
        }
        Files.writeString(folder.resolve("journal-id"), "");

        try (AuditJournal journal = new AuditJournal(folder, true)) {
            assertThat(journal.id()).isNotBlank();
            assertThat(Files.readString(folder.resolve("journal-id")).strip()).isEqualTo(journal.id());
            assertThat(journal.readAfter(0, 100)).hasSize(1);
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("audit-")).sorted().toList();
        }
    }

    private static AuditEntry entry(String profileId) {
        return new AuditEntry(Instant.parse("2026-12-05T10:00:00Z"), "staff-key", "profile.read",
                "/api/v1/profiles/" + profileId, profileId, null);
    }
}
