package dev.mosaic.imports.domain;

/** A file that is wrong as a whole (not CSV, required columns missing); nothing of it is imported. */
public class FileRejectedException extends RuntimeException {

    public FileRejectedException(String message) {
        super(message);
    }
}
