package app.rebound.service;

/**
 * The clinic's server could not be used (not reached, not secure, a schema of another version, no
 * account for her in its records). The message is Rebound's own, about the server and what to do: it
 * never holds patient data.
 */
public class ServerProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean login;

    public ServerProblemException(String message, boolean login, Throwable cause) {
        super(message, cause);
        this.login = login;
    }

    /** Whether it is about who signs in (her login or account), not about the server. */
    public boolean login() {
        return login;
    }
}
