package dev.mosaic.profile.domain.segment;

/** A segment condition that does not fit the schema; names where (a JSON path such as {@code $.all[1].gte}) and why. */
public class InvalidConditionException extends IllegalArgumentException {

    private final String path;

    public InvalidConditionException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
