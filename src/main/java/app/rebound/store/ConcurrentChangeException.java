package app.rebound.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A save refused because the row was changed (or removed) on another workstation after this one read
 * it: nothing was written, and what she typed is still hers to keep or give up. Names who saved and
 * when (a clinician's user name and a time: never patient data).
 */
public class ConcurrentChangeException extends StoreException {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String changedBy;
    private final Instant changedAt;
    private final boolean removed;
    private final long storedVersion;

    ConcurrentChangeException(String what, String changedBy, Instant changedAt, boolean removed, long storedVersion,
            ZoneId zone) {
        super(message(what, changedBy, changedAt, removed, zone), null);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.removed = removed;
        this.storedVersion = storedVersion;
    }

    private static String message(String what, String by, Instant at, boolean removed, ZoneId zone) {
        if (removed) {
            return "This " + what + " was removed on another workstation";
        }
        return "This " + what + " was changed on another workstation" + (by == null ? "" : " by " + by)
                + (at == null ? "" : " at " + TIME.format(at.atZone(zone)));
    }

    /** The user name of the clinician whose save came first; null when that save did not say. */
    public String changedBy() {
        return changedBy;
    }

    /** When that save was; null when it did not say. */
    public Instant changedAt() {
        return changedAt;
    }

    /** The row is gone (deleted on the other workstation), not changed. */
    public boolean removed() {
        return removed;
    }

    /** The version stored now: a save from it is no longer refused. */
    public long storedVersion() {
        return storedVersion;
    }
}
