package app.rebound.cli;

/**
 * A command stops with a one-line message and an exit code. The message is shown as it is, so it
 * never holds a patient's name, date of birth or notes: ids and file names only.
 */
final class CommandRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    CommandRefused(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CommandRefused invalid(String message) {
        return new CommandRefused(ExitCode.INVALID_INPUT, message);
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
