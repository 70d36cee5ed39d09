package dev.mosaic.profile.adapter.in.web;

/** A request that cannot be answered as asked; its message tells the caller what to change. */
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
