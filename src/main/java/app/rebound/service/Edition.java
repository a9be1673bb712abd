package app.rebound.service;

/**
 * A record as it was read, with the version of it that was read: a save that names this version is refused
 * ({@link ChangedElsewhereException}) when another workstation saved the record since, instead of writing
 * over that save. {@link #NEW} is the version of a record that did not exist yet.
 */
public record Edition<T>(T value, long version) {

    /** The record did not exist when the editing began. */
    public static final long NEW = -1;
}
