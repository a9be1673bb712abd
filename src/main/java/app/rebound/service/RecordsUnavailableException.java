package app.rebound.service;

import app.rebound.store.Causes;

/** The clinic's records cannot be opened, and why. */
public class RecordsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the records cannot be opened. */
    public enum Reason {
        /** Another Rebound window or program has them open. */
        IN_USE,
        /** The folder or the database files cannot be read or written. */
        CANNOT_OPEN,
        /** The database could not be brought up to date: made by a newer Rebound, or damaged. */
        CANNOT_UPDATE,
        /** The folder is set up (it has a key file) but its database file is gone. */
        MISSING,
        /** The database file is damaged or cut short: a backup must be restored. */
        DAMAGED,
        /** The database is there, but its key file is not: it must be put back from a backup. */
        KEY_FILE_MISSING,
        /**
         * The database file was not written by Rebound (not encrypted though the folder has a key file, or
         * holding a trigger, an alias or another object that could run code): it is not opened, and stays as
         * it was; a backup must be restored.
         */
        FOREIGN,
        /**
         * The key file opened, but its key is not the one the database is encrypted with: a key file from
         * before a clinician was removed (the key was changed then), or from another clinic.
         */
        OTHER_KEY_FILE
    }

    private final Reason reason;

    public RecordsUnavailableException(Reason reason, Throwable cause) {
        super("The records cannot be opened: " + reason + Causes.summary(cause), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean inUse() {
        return reason == Reason.IN_USE;
    }
}
