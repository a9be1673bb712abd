package app.rebound.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * A failure of the disk rather than of the records: a file would grow past the size allowed, the disk
 * is full, or a file may not be read or written. None of these is damage: what was saved before is
 * whole, and restoring a backup is never the answer. Told apart by the operating system's error text
 * that the JDK puts in its {@link IOException} (strerror on Linux and macOS: EFBIG "File too large",
 * ENOSPC "No space left on device", EDQUOT "Disk quota exceeded", EACCES, EPERM, EROFS; Windows' own
 * texts), found anywhere in the chain of causes (H2 and jOOQ keep the disk's exception as a cause).
 */
public enum StorageProblem {

    /** A file would pass the largest size allowed: a limit for the account ({@code ulimit -f}), FAT32's 4 GB. */
    FILE_TOO_LARGE,
    /** No room left on the disk, or the account's quota is used up. */
    DISK_FULL,
    /** A file or folder may not be read or written: its permissions, or a read-only disk. */
    NOT_PERMITTED;

    /** H2: the database was opened read-only, because its file may not be written. */
    private static final int H2_READ_ONLY = 90097;
    private static final int MOST_CAUSES = 20;

    /** The disk problem behind {@code failure}, if it is one. */
    public static Optional<StorageProblem> in(Throwable failure) {
        return in(failure, new int[] {0});
    }

    /**
     * Looks through the causes, the suppressed exceptions and a JDBC exception's chain of next ones (a
     * failed batch, as an import sends, carries the disk's error there, not as its cause).
     */
    private static Optional<StorageProblem> in(Throwable failure, int[] looked) {
        for (Throwable t = failure; t != null && looked[0] < MOST_CAUSES; t = t.getCause()) {
            looked[0]++;
            Optional<StorageProblem> found = of(t);
            if (found.isPresent()) {
                return found;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
                found = in(sql.getNextException(), looked);
                if (found.isPresent()) {
                    return found;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                found = in(suppressed, looked);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<StorageProblem> of(Throwable t) {
        if (t instanceof AccessDeniedException) {
            return Optional.of(NOT_PERMITTED);
        }
        if (t instanceof SQLException sql && sql.getErrorCode() == H2_READ_ONLY) {
            return Optional.of(NOT_PERMITTED);
        }
        if (!(t instanceof IOException io)) {
            return Optional.empty();
        }
        String text = io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(io.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("file too large") || lower.contains("file is too large")) {
            return Optional.of(FILE_TOO_LARGE);
        }
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")
                || lower.contains("not enough space on the disk") || lower.contains("disk is full")) {
            return Optional.of(DISK_FULL);
        }
        if (lower.contains("read-only file system") || lower.contains("permission denied")
                || lower.contains("operation not permitted") || lower.contains("access is denied")) {
            return Optional.of(NOT_PERMITTED);
        }
        if (isWrite(io) && fileSizeLimited()) {
            // the error's text in another language: a write failing under a file size limit is that limit
            return Optional.of(FILE_TOO_LARGE);
        }
        return Optional.empty();
    }

    /** Whether the exception comes from writing to a file (the JDK's native write calls). */
    private static boolean isWrite(IOException e) {
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod() && stack[0].getMethodName().contains("write");
    }

    /** Whether this process has a file size limit (Linux: {@code /proc/self/limits}). */
    private static boolean fileSizeLimited() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Max file size")) {
                    return !line.substring("Max file size".length()).strip().startsWith("unlimited");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no way to know, and no guess
        }
        return false;
    }
}
