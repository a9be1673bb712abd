package app.rebound.store;

/** The database file is damaged or truncated: it does not open with the right key. */
public final class DatabaseDamagedException extends StoreException {

    private static final long serialVersionUID = 1L;

    DatabaseDamagedException(Throwable cause) {
        super("The database file is damaged", cause);
    }
}
