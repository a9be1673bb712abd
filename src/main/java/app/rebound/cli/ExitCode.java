package app.rebound.cli;

/**
 * The exit codes of every command, set explicitly because picocli's defaults differ (it uses 2 for
 * wrong usage and 1 for a failure). Scripts of the clinic's IT staff rely on them.
 */
public enum ExitCode {
    /** Done. */
    OK(0),
    /** Wrong usage: an unknown command or option, a missing option. */
    USAGE(1),
    /** Invalid input, nothing written: a bad file, an unknown patient or visit, no data in the folder. */
    INVALID_INPUT(2),
    /**
     * Access refused: the records are in use by another Rebound, or a file or folder may not be read or
     * written (its permissions, a read-only disk, a symbolic link where Rebound writes a file).
     */
    ACCESS_REFUSED(3),
    /** Any other failure; the details are in the log. */
    FAILURE(4),
    /** {@code audit --verify}: the audit trail was changed, cut short or added to. */
    AUDIT_BROKEN(5),
    /**
     * No room to write: the disk is full, or a file would pass the largest size allowed (a file size limit,
     * FAT32's 4 GB). Not damage: the records are as they were before the command; never restore for it.
     */
    NO_ROOM(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
