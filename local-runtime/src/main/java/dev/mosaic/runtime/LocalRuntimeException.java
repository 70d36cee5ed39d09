package dev.mosaic.runtime;

/** A local store could not be started; the message says what to do about it. */
public class LocalRuntimeException extends RuntimeException {

    public LocalRuntimeException(String message) {
        super(message);
    }

    public LocalRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
