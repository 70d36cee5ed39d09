package dev.mosaic.imports.domain;

/** Where an import stands. */
public enum ImportState {
    QUEUED, RUNNING, COMPLETED, FAILED, STOPPED
}
