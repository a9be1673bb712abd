package app.rebound.store;

/**
 * The database file was not written by Rebound: it is not encrypted though the folder has a key file,
 * or it holds objects Rebound's migrations never create (a trigger, an alias, a view …), which could run
 * code. It is not opened, and left as it was. The message names the objects (never a value in them).
 */
public final class ForeignDatabaseException extends StoreException {

    private static final long serialVersionUID = 1L;

    ForeignDatabaseException(String message) {
        super(message, null);
    }
}
