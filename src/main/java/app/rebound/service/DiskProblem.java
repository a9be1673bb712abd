package app.rebound.service;

import java.util.Optional;

import app.rebound.store.StorageProblem;

/**
 * What the window tells the clinician when the disk, not the records, failed (see {@link StorageProblem},
 * which the window may not see): a file too large, a full disk, a file that may not be written.
 */
public enum DiskProblem {
    FILE_TOO_LARGE,
    DISK_FULL,
    NOT_PERMITTED;

    /** The disk problem behind {@code failure}, if it is one. */
    public static Optional<DiskProblem> in(Throwable failure) {
        return StorageProblem.in(failure).map(problem -> switch (problem) {
            case FILE_TOO_LARGE -> FILE_TOO_LARGE;
            case DISK_FULL -> DISK_FULL;
            case NOT_PERMITTED -> NOT_PERMITTED;
        });
    }
}
