package app.rebound.store;

/** The database could not be brought up to date (e.g. it was made by a newer Rebound, or is damaged). */
public class MigrationException extends StoreException {

    private static final long serialVersionUID = 1L;

    public MigrationException(Throwable cause) {
        super("The database could not be brought up to date", cause);
    }
}
