package app.rebound.service;

/** The clinician signed in may not do this (e.g. only administrators manage accounts). */
public final class NotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
