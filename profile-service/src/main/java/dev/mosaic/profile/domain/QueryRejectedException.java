package dev.mosaic.profile.domain;

/**
 * A store refused a query built from a request: a value beyond what it can compare (a number too large for the
 * field), a date it cannot read, a result window too deep. The request cannot be answered as asked; the message says
 * so in the caller's terms and never quotes the store.
 */
public class QueryRejectedException extends RuntimeException {

    public QueryRejectedException(String message) {
        super(message);
    }
}
