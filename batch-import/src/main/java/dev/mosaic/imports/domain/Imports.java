package dev.mosaic.imports.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Imports of source files: started on request, followed while they run, their rejected rows kept. */
public interface Imports {

    /**
     * Checks the file as a whole and starts importing it in the background.
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
     * given ({@code null}: the file has the canonical columns), its records resolved as {@code timing} says.
     *
     * @throws FileRejectedException when the file cannot be imported at all; nothing is imported then
     */
    ImportId start(ImportType type, Path file, String fileName, String mapping, ResolutionTiming timing);

    Optional<ImportStatus> status(ImportId id);

    List<QuarantinedRow> quarantine(ImportId id);
}
