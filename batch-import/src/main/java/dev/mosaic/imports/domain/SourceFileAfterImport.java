package dev.mosaic.imports.domain;

/**
 * What becomes of an import's file once the import has ended for good (completed, or failed). An import that was
 * interrupted (the process stopped or was killed) has not ended: it resumes from the file at the next start.
 */
public enum SourceFileAfterImport {
    /** The file belongs to the caller (a file on disk the operator pointed at). */
    KEEP,
    /** The file is Mosaic's own copy (an upload) and is deleted, so personal data does not linger in it. */
    DELETE
}
