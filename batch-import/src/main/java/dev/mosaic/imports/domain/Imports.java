package dev.mosaic.imports.domain;

import java.nio.file.Path;
import java.util.Optional;

/** Imports of source files: started on request, followed while they run, their rejected rows kept. */
public interface Imports {

    /**
     * Checks the file as a whole and starts importing it in the background. Every call is an import of its own, so
     * the same file may be imported again (its rows are then {@code unchanged}).
     *
     * @throws FileRejectedException when the file cannot be imported at all; nothing is imported then
     */
    default ImportId start(ImportType type, Path file, String fileName) {
        return start(type, file, fileName, null, ResolutionTiming.INCREMENTAL);
    }

    /**
     * Like {@link #start(ImportType, Path, String)}, for a file in a foreign layout that the named mapping turns
     * into the canonical columns of {@code type}.
     */
    default ImportId start(ImportType type, Path file, String fileName, String mapping) {
        return start(type, file, fileName, mapping, ResolutionTiming.INCREMENTAL);
    }

    /**
     * Checks the file as a whole and starts importing it in the background, mapped by the named mapping when one is
     * given ({@code null}: the file has the canonical columns), its records resolved as {@code timing} says. The
     * file is kept.
     *
     * @throws FileRejectedException when the file cannot be imported at all; nothing is imported then
     */
    default ImportId start(ImportType type, Path file, String fileName, String mapping, ResolutionTiming timing) {
        return start(type, file, fileName, mapping, timing, SourceFileAfterImport.KEEP);
    }

    /**
     * Like {@link #start(ImportType, Path, String, String, ResolutionTiming)}; {@code afterImport} says whether the
     * file is deleted once the import has ended for good (an import that is interrupted still needs it to resume).
     * Imports beyond those running wait their turn ({@link ImportState#QUEUED}); this never waits for them.
     *
     * @throws FileRejectedException when the file cannot be imported at all; nothing is imported then, and the file is
     *                               left to the caller
     */
    ImportId start(ImportType type, Path file, String fileName, String mapping, ResolutionTiming timing,
                   SourceFileAfterImport afterImport);

    Optional<ImportStatus> status(ImportId id);

    /** One page of the rows of an import that could not become records, in line order. */
    QuarantinePage quarantine(ImportId id, long offset, int limit);
}
