package dev.mosaic.profile.adapter.in.web;

/** The audit trail could not store the entry of a read, so the read is not answered (503). */
final class AuditNotRecordedException extends RuntimeException {

    AuditNotRecordedException(Throwable cause) {
        super("The audit trail could not record this read", cause);
    }
}
