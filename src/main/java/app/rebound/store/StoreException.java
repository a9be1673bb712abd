package app.rebound.store;

/** A failure of the database that the clinician should hear about in plain words. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
