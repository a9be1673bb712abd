package app.rebound.store;

import java.nio.file.Path;

/** The data folder has a key file but no database: it was moved, deleted or never restored. */
public final class DatabaseMissingException extends StoreException {

    private static final long serialVersionUID = 1L;

    DatabaseMissingException(Path folder) {
        super("There is no database file in the data folder", null);
    }
}
