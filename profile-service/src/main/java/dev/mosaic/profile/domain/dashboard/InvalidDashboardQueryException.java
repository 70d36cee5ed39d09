package dev.mosaic.profile.domain.dashboard;

/** A dashboard request that cannot be answered as asked; the message says what to change (answered with 400). */
public class InvalidDashboardQueryException extends IllegalArgumentException {

    public InvalidDashboardQueryException(String message) {
        super(message);
    }
}
