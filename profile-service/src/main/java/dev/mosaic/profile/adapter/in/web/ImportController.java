package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.ResolutionTiming;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinePage;
import dev.mosaic.imports.domain.SourceFileAfterImport;
import dev.mosaic.profile.runtime.MosaicStoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    static final int MAX_QUARANTINE_PAGE = 1000;

    private final Imports imports;
    private final Path uploads;

    ImportController(Imports imports, MosaicStoreProperties properties) {
        this.imports = imports;
        this.uploads = properties.dataDir().resolve("uploads");
    }

    @NotAudited("answers only the import id; the rows are the caller's own")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file sent as the multipart field 'file'",
            description = "As the request body variant, for forms (the imports page). A multipart upload may be at most "
                    + "2 GB (spring.servlet.multipart.max-file-size); send a larger file as the request body, which is "
                    + "streamed to disk without a limit (./mosaic import does).")
    ResponseEntity<Map<String, String>> importMultipart(@RequestParam String type,
                                                        @RequestParam(required = false) String mapping,
                                                        @RequestParam(required = false) String resolution,
                                                        @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return start(type, mapping, resolution, content, file.getOriginalFilename());
        }
    }

    @NotAudited("answers only the import id; the rows are the caller's own")
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/x-ndjson", "application/jsonl", "application/gzip"})
    @Operation(summary = "Import a file sent as the request body",
            description = "CSV with a header row or JSON Lines, optionally gzip-compressed; the optional X-File-Name "
                    + "header names it in the status and quarantine. Answers 202 with the import id at once, also when "
                    + "other imports are running (it is then QUEUED until one ends); follow it with "
                    + "GET /api/v1/imports/{importId}. The body is streamed to disk, without a size limit, and the copy "
                    + "is deleted once the import has ended (at once when the file is refused). resolution=incremental (default) resolves each chunk as it "
                    + "arrives; resolution=deferred only stores the rows and resolves them all in one full resolution "
                    + "run at the end (for a first bulk load: matched with a model estimated from its own records; "
                    + "its records belong to no profile until the import completes).")
    ResponseEntity<Map<String, String>> importBody(@RequestParam String type,
                                                   @RequestParam(required = false) String mapping,
                                                   @RequestParam(required = false) String resolution,
                                                   @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                                   HttpServletRequest request) throws IOException {
        try (InputStream content = request.getInputStream()) {
            return start(type, mapping, resolution, content, fileName);
        }
    }

    @NotAudited("state and counts of an import")
    @GetMapping("/{importId}")
    @Operation(summary = "Status, counts and progress of an import",
            description = "Counts add up: read = imported + updated + unchanged + quarantined + erased. Progress as the "
                    + "CLI shows it: read of expectedRows, rowsPerSecond and etaSeconds (null when unknown).")
    ResponseEntity<ImportStatusResponse> status(@PathVariable long importId) {
        return ResponseEntity.of(statusOf(new ImportId(importId)).map(ImportController::toResponse));
    }

    @Audited("import.quarantine")
    @GetMapping("/{importId}/quarantine")
    @Operation(summary = "The rows of an import that could not become records, with line number and reason, paged",
            description = "In line order. page is 0-based, size 1.." + MAX_QUARANTINE_PAGE + " rows (default 100); "
                    + "total says how many there are in all.")
    ResponseEntity<QuarantineResponse> quarantine(
            @PathVariable long importId,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "rows per page, 1.." + MAX_QUARANTINE_PAGE) @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > MAX_QUARANTINE_PAGE) {
            throw new BadRequestException("page must be 0 or more and size 1.." + MAX_QUARANTINE_PAGE);
        }
        ImportId id = new ImportId(importId);
        if (statusOf(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        QuarantinePage found = imports.quarantine(id, (long) page * size, size);
        return ResponseEntity.ok(new QuarantineResponse(id.toString(), found.total(), page, size, found.rows().stream()
                .map(row -> new QuarantineResponse.Row(row.file(), row.row(), row.rawRow(), row.reason())).toList()));
    }

    /**
     * The import's status; empty for an id no import has. The job repository answers an unknown id with an
     * exception rather than with nothing, which is no reason for a 500.
     */
    private Optional<ImportStatus> statusOf(ImportId id) {
        try {
            return imports.status(id);
        } catch (EmptyResultDataAccessException unknown) {
            return Optional.empty();
        }
    }

    private ResponseEntity<Map<String, String>> start(String typeCode, String mapping, String resolution,
                                                      InputStream content, String originalName) throws IOException {
        ImportType type = ImportType.fromCode(typeCode).orElseThrow(() -> new BadRequestException("type '" + typeCode
                + "' is not one of: customers, purchases, tickets, campaign_responses, social_interactions"));
        ResolutionTiming timing = resolution == null || resolution.isBlank() ? ResolutionTiming.INCREMENTAL
                : ResolutionTiming.fromCode(resolution).orElseThrow(() -> new BadRequestException("resolution '"
                + resolution + "' is not one of: incremental, deferred"));
        String fileName = originalName == null || originalName.isBlank() ? type.code() + ".csv"
                : Path.of(originalName).getFileName().toString();
        Files.createDirectories(uploads);
        Path stored = uploads.resolve(UUID.randomUUID() + "-" + fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
        ImportId id;
        try {
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
            // The upload is Mosaic's own copy: kept while the import may still resume, deleted once it has ended.
            id = imports.start(type, stored, fileName, mapping, timing, SourceFileAfterImport.DELETE);
        } catch (IOException | RuntimeException e) {
            // A refused file (or an upload cut short) is imported by nobody: no copy of it stays behind.
            Files.deleteIfExists(stored);
            throw e;
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
                .body(Map.of("importId", id.toString()));
    }

    private static Double progress(ImportStatus status) {
        if (status.state() == dev.mosaic.imports.domain.ImportState.COMPLETED) {
            return 1.0;
        }
        return status.expectedRows() <= 0 ? null : Math.min(1.0, (double) status.read() / status.expectedRows());
    }

    private static ImportStatusResponse toResponse(ImportStatus status) {
        return new ImportStatusResponse(status.id().toString(), status.type().code(), status.fileName(),
                status.state().name(), status.expectedRows(), progress(status),
                new ImportStatusResponse.Counts(status.read(), status.imported(),
                status.updated(), status.unchanged(), status.quarantined(), status.erased()),
                status.rowsPerSecond(), status.etaSeconds(), status.startedAt(), status.endedAt(), status.failure(), status.resolution().code(),
                status.resolving());
    }
}
