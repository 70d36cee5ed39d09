package dev.mosaic.imports.adapter.in.batch;

/** A row that cannot become a record; it goes to the quarantine with this reason. */
class InvalidRowException extends RuntimeException {

    private final long line;
    private final String rawLine;

    InvalidRowException(long line, String rawLine, String reason) {
        super(reason);
        this.line = line;
        this.rawLine = rawLine;
    }

    long line() {
        return line;
    }

    String rawLine() {
        return rawLine;
    }
}
