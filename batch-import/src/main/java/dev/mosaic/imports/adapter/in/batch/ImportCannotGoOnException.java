package dev.mosaic.imports.adapter.in.batch;

/** An import that must not go on as it is (its mapping changed or is gone); its message is the import's failure. */
final class ImportCannotGoOnException extends IllegalStateException {

    ImportCannotGoOnException(String message) {
        super(message);
    }

    ImportCannotGoOnException(String message, Throwable cause) {
        super(message, cause);
    }
}
