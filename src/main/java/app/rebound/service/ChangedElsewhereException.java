package app.rebound.service;

import java.time.Instant;

import app.rebound.store.ConcurrentChangeException;

/**
 * A save refused because another workstation saved (or removed) the same record after it was read: nothing
 * was written, and what she typed is still on her screen for her to keep or give up. Says whose save came
 * first (a clinician's display name, else her user name) and when; never patient data.
 */
public final class ChangedElsewhereException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String changedBy;
    private final Instant changedAt;
    private final boolean removed;
    private final long storedVersion;

    ChangedElsewhereException(ConcurrentChangeException refused) {
        super(refused.getMessage(), refused);
        this.changedBy = refused.changedBy();
        this.changedAt = refused.changedAt();
        this.removed = refused.removed();
        this.storedVersion = refused.storedVersion();
    }

    /** Who saved first; null when that save did not say (an import, a command). */
    public String changedBy() {
        return changedBy;
    }

    /** When; null when that save did not say. */
    public Instant changedAt() {
        return changedAt;
    }

    /** The record is gone (deleted on the other workstation). */
    public boolean removed() {
        return removed;
    }

    /** The version stored now, which a save over it starts from. */
    public long storedVersion() {
        return storedVersion;
    }
}
