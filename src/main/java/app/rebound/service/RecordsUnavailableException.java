package app.rebound.service;

/** The clinic's records cannot be opened; {@link #inUse()} says another program holds them. */
public class RecordsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean inUse;

    public RecordsUnavailableException(boolean inUse, Throwable cause) {
        super(inUse ? "The records are open in another Rebound window or program" : "The records cannot be opened",
                cause);
        this.inUse = inUse;
    }

    public boolean inUse() {
        return inUse;
    }
}
