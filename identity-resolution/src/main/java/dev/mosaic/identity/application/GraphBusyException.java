package dev.mosaic.identity.application;

/** A change that must not overlap with resolution could not wait any longer for a full run being applied. */
public final class GraphBusyException extends RuntimeException {

    public GraphBusyException(String message) {
        super(message);
    }
}
