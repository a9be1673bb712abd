package app.rebound.store;

import java.time.Instant;

/**
 * A save that knows which version of the row it started from ({@link Versioned#version()}, or
 * {@link #NEW} for a row it creates), and whose it is: a save from a version that has moved on since
 * (another workstation saved in between) is refused with {@link ConcurrentChangeException}, never
 * written over the other save.
 */
public record Change(long readVersion, String by, Instant at) {

    /** The row did not exist when the editing began. */
    public static final long NEW = -1;

    public Change {
        if (readVersion < NEW) {
            throw new IllegalArgumentException("no such row version: " + readVersion);
        }
    }
}
