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
    ImportId start(ImportType type, Path file, String fileName);

    /**
     * Like {@link #start(ImportType, Path, String)}, for a file in a foreign layout that the named mapping turns
     * into the canonical columns of {@code type}.
     */
    ImportId start(ImportType type, Path file, String fileName, String mapping);

    Optional<ImportStatus> status(ImportId id);

    List<QuarantinedRow> quarantine(ImportId id);
}
