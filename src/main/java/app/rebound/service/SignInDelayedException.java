package app.rebound.service;

import java.time.Duration;

/** Too many wrong passwords in a row: the next attempt must wait. */
public final class SignInDelayedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration wait;

    SignInDelayedException(Duration wait) {
        super("Too many wrong passwords in a row: wait " + seconds(wait) + " s, then try again");
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }

    /** Whole seconds, rounded up. */
    public long seconds() {
        return seconds(wait);
    }

    private static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }
}
