package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.profile.domain.AuditEntry;

/**
 * The audit trail's write-ahead log on this node's disk: an entry is appended and forced to disk before the read it
 * records is answered, then shipped to the shared Elasticsearch index in bulk ({@link ElasticsearchAuditTrail}).
 * <p>
 * Appends use group commit: one writer thread writes every entry that arrived while the previous force was under way
 * and forces them together, so a request waits for one local {@code fdatasync} (well under a millisecond here) and
 * 2,000 reads a second cost a few hundred syncs, not 2,000. With {@code sync} off, an append returns once the entry is
 * written to the operating system, which survives a crash of the process but not of the machine.
 * <p>
 * Entries carry a sequence number; together with this journal's id (made once, kept in the folder) it is the entry's
 * document id in Elasticsearch, so shipping an entry again after a crash overwrites it instead of duplicating it. What
 * was shipped is remembered in {@code shipped}; at start, whatever the journal holds beyond that is shipped again.
 * Segments ({@code audit-<first sequence>.log}) are deleted once every entry in them is shipped. A line cut short by a
 * crash during its write (never acknowledged: the force comes after the write) is cut off at the next start.
 */
final class AuditJournal implements AutoCloseable {

    /** An entry with its place in the journal. */
    record Journaled(long sequence, AuditEntry entry) {
    }

    /** How an entry is written: one JSON object per line. */
    record Line(long seq, String at, String who, String action, String path, String profileId, String segmentId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final int MAX_GROUP = 4_096;
    private static final long WAIT_SECONDS = 10;

    private record Pending(AuditEntry entry, CompletableFuture<Long> stored) {
    }

    private final Path folder;
    private final boolean sync;
    private final FileChannel lock;
    private final long maxSegmentBytes;
    private final String id;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Object appended = new Object();
    private volatile boolean open = true;
    /** Written by the writer thread only. */
    private FileChannel segment;
    private long segmentBytes;
    private volatile long lastSequence;
    private volatile long shippedSequence;

    AuditJournal(Path folder, boolean sync) {
        this(folder, sync, SEGMENT_BYTES);
    }

    /** @param segmentBytes a segment this large is closed and a new one started */
    AuditJournal(Path folder, boolean sync, long segmentBytes) {
        this.folder = folder;
        this.sync = sync;
        this.maxSegmentBytes = segmentBytes;
        try {
            Files.createDirectories(folder);
            this.lock = lock(folder);
            this.id = readOrCreateId(folder.resolve("journal-id"));
            this.shippedSequence = readShipped();
            this.lastSequence = Math.max(shippedSequence, recoverLastSequence());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit journal in " + folder, e);
        }
        this.writer = Thread.ofPlatform().name("audit-journal").daemon().start(this::writeWhatArrives);
    }

    /** This journal's id: the first part of its entries' document ids. */
    String id() {
        return id;
    }

    /**
     * Appends the entry and returns once it is on disk (or, without sync, written to the operating system).
     *
     * @throws IllegalStateException when it could not be written: the read it records must not be answered
     */
    long append(AuditEntry entry) {
        if (!open) {
            throw new IllegalStateException("The audit journal is closed");
        }
        Pending write = new Pending(entry, new CompletableFuture<>());
        pending.add(write);
        try {
            return write.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the audit journal: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit journal did not store an entry within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the audit journal", e);
        }
    }

    long lastSequence() {
        return lastSequence;
    }

    long shippedSequence() {
        return shippedSequence;
    }

    /** Waits until an entry after {@code sequence} is appended, or the timeout passes. */
    void awaitAppendedAfter(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (appended) {
            long left;
            while (lastSequence <= sequence && open && (left = deadline - System.currentTimeMillis()) > 0) {
                appended.wait(left);
            }
        }
    }

    /** Where the last read ended, so the shipper reads on from there instead of from a segment's start. */
    private record Cursor(Path file, long offset, long sequence) {
    }

    private Cursor cursor;

    /**
     * Entries after {@code sequence} (and at most the last one acknowledged), oldest first, at most {@code limit};
     * read back from the segments. Called by one shipper thread.
     */
    List<Journaled> readAfter(long sequence, int limit) {
        List<Journaled> entries = new ArrayList<>();
        long acknowledged = lastSequence;
        try {
            List<Path> segments = segments();
            int first = 0;
            long offset = 0;
            if (cursor != null && cursor.sequence() == sequence && segments.contains(cursor.file())) {
                first = segments.indexOf(cursor.file());
                offset = cursor.offset();
            } else {
                // Start over (at start, or after a shipment failed): skip the segments that end at or before it.
                while (first + 1 < segments.size() && startOf(segments.get(first + 1)) - 1 <= sequence) {
                    first++;
                }
            }
            for (int i = first; i < segments.size() && entries.size() < limit; i++) {
                Path file = segments.get(i);
                long at = i == first ? offset : 0;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
                    long lineStart = at;
                    reading:
                    while (entries.size() < limit) {
                        buffer.clear();
                        int read = channel.read(buffer, at);
                        if (read <= 0) {
                            break;
                        }
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            byte b = buffer.get();
                            at++;
                            if (b != '\n') {
                                bytes.write(b);
                                continue;
                            }
                            Line parsed = parse(bytes.toString(StandardCharsets.UTF_8));
                            bytes.reset();
                            if (parsed != null && parsed.seq() > acknowledged) {
                                break reading; // written but not acknowledged yet: read it next time
                            }
                            lineStart = at;
                            if (parsed != null && parsed.seq() > sequence) {
                                entries.add(new Journaled(parsed.seq(), new AuditEntry(Instant.parse(parsed.at()),
                                        parsed.who(), parsed.action(), parsed.path(), parsed.profileId(),
                                        parsed.segmentId())));
                                cursor = new Cursor(file, lineStart, parsed.seq());
                                if (entries.size() >= limit) {
                                    break reading;
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit journal in " + folder, e);
        }
        return entries;
    }

    /** Remembers that every entry up to {@code sequence} is in Elasticsearch, and deletes segments no longer needed. */
    void shipped(long sequence) {
        try {
            Path file = folder.resolve("shipped");
            Path temporary = folder.resolve("shipped.tmp");
            Files.writeString(temporary, Long.toString(sequence));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            shippedSequence = sequence;
            List<Path> segments = segments();
            for (int i = 0; i + 1 < segments.size(); i++) {
                if (startOf(segments.get(i + 1)) - 1 <= sequence) {
                    Files.deleteIfExists(segments.get(i));
                }
            }
        } catch (IOException e) {
            // Shipping again later is harmless (same document ids); the next shipment tries again.
            throw new UncheckedIOException("Cannot remember the shipped audit entries in " + folder, e);
        }
    }

    private void writeWhatArrives() {
        List<Pending> group = new ArrayList<>();
        while (open || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                open = false;
            } finally {
                group.clear();
            }
        }
        closeSegment();
    }

    private void write(List<Pending> group) {
        long sequence = lastSequence;
        try {
            StringBuilder lines = new StringBuilder(group.size() * 160);
            for (Pending write : group) {
                AuditEntry entry = write.entry();
                lines.append(JSON.writeValueAsString(new Line(++sequence, entry.at().toString(), entry.who(),
                        entry.action(), entry.path(), entry.profileId(), entry.segmentId()))).append('\n');
            }
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            FileChannel channel = segmentFor(lastSequence + 1);
            while (bytes.hasRemaining()) {
                segmentBytes += channel.write(bytes);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            // The group's reads are refused. Its sequence numbers are not used again, so a line of it that did reach
            // the disk never shares a document id with a later entry (it may still be shipped: the trail then holds a
            // read that was refused, which errs on the safe side). The next group starts a new segment.
            closeSegment();
            lastSequence += group.size();
            group.forEach(write -> write.stored().completeExceptionally(e));
            return;
        }
        long first = lastSequence + 1;
        lastSequence = sequence;
        for (int i = 0; i < group.size(); i++) {
            group.get(i).stored().complete(first + i);
        }
        synchronized (appended) {
            appended.notifyAll();
        }
    }

    private FileChannel segmentFor(long firstSequence) throws IOException {
        if (segment != null && segmentBytes >= maxSegmentBytes) {
            closeSegment();
        }
        if (segment == null) {
            List<Path> segments = segments();
            Path file = segments.isEmpty() || segmentBytes >= maxSegmentBytes ? segmentFile(firstSequence)
                    : segments.getLast();
            segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            segmentBytes = segment.size();
            if (sync) {
                // The new file's name must be on disk too, or a crash could lose the file with the entries.
                try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                    directory.force(true);
                } catch (IOException ignored) {
                    // Not every file system lets a directory be opened for syncing.
                }
            }
        }
        return segment;
    }

    private void closeSegment() {
        if (segment != null) {
            try {
                segment.close();
            } catch (IOException ignored) {
                // closing after a failed write
            }
            segment = null;
            segmentBytes = maxSegmentBytes; // the next write starts a new segment
        }
    }

    /**
     * The last sequence on disk. A last line without its line break (cut short by a crash during the write, so never
     * acknowledged) is cut off.
     */
    private long recoverLastSequence() throws IOException {
        List<Path> segments = segments();
        if (segments.isEmpty()) {
            return 0;
        }
        Path last = segments.getLast();
        byte[] content = Files.readAllBytes(last);
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        if (end < content.length) {
            try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
                channel.truncate(end);
                channel.force(false);
            }
        }
        long sequence = startOf(last) - 1;
        String text = new String(content, 0, end, StandardCharsets.UTF_8);
        for (String lineText : text.split("\n")) {
            Line line = parse(lineText);
            if (line != null) {
                sequence = Math.max(sequence, line.seq());
            }
        }
        return sequence;
    }

    private Path segmentFile(long firstSequence) {
        return folder.resolve(String.format("audit-%019d.log", firstSequence));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("audit-\\d{19}\\.log")).sorted().toList();
        }
    }

    private static long startOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("audit-".length(), name.length() - ".log".length()));
    }

    /**
     * How far the journal was shipped. A file a crash left empty or cut short counts as nothing shipped: shipping
     * again is harmless (the same document ids), and trusting a wrong number could skip entries.
     */
    private long readShipped() throws IOException {
        Path file = folder.resolve("shipped");
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Two processes appending to one journal would number entries twice: the second one is refused. */
    private static FileChannel lock(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (java.nio.channels.OverlappingFileLockException held) {
            // held by this JVM
        }
        channel.close();
        throw new IllegalStateException("Another Mosaic uses the audit journal in " + folder
                + "; give each Mosaic its own data folder");
    }

    /**
     * The journal's id, made at its first start. Written to a temporary file, forced and moved into place, so a crash
     * leaves either no id (a new one is made: entries shipped under the old one may then be stored twice, never
     * lost) or the whole id.
     */
    private static String readOrCreateId(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    private static Line parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(text, Line.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        synchronized (appended) {
            appended.notifyAll();
        }
        try {
            lock.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
