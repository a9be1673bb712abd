package app.rebound.store;

/** The database files are locked by another Rebound window or program. */
public class DatabaseInUseException extends StoreException {

    private static final long serialVersionUID = 1L;

    public DatabaseInUseException(Throwable cause) {
        super("The database is in use by another process", cause);
    }
}
