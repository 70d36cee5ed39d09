package dev.mosaic.identity.domain;

/** A steward's merge or split that cannot be carried out as asked, with the reason in plain words. */
public class StewardDecisionException extends RuntimeException {

    public StewardDecisionException(String message) {
        super(message);
    }
}
