package dev.mosaic.imports.domain.mapping;

/** A mapping that cannot be used as written; the message names what is wrong (and the file, when read from one). */
public class InvalidMappingException extends RuntimeException {

    public InvalidMappingException(String message) {
        super(message);
    }

    public InvalidMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
