package app.rebound.service;

/** The user name or the password (or the recovery key) is wrong; nothing was opened. */
public final class WrongPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int failuresInARow;

    WrongPasswordException(String message, int failuresInARow) {
        super(message);
        this.failuresInARow = failuresInARow;
    }

    /** Wrong attempts in a row so far (0 for a wrong recovery key). */
    public int failuresInARow() {
        return failuresInARow;
    }

    /** Attempts left before the next one must wait. */
    public int attemptsBeforeWait() {
        return Math.max(0, SignInThrottle.FREE_ATTEMPTS - failuresInARow);
    }
}
