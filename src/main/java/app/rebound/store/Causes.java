package app.rebound.store;

import java.sql.SQLException;

/** What led to a failure, in words safe for the log and a failing test. */
public final class Causes {

    private Causes() {
    }

    /**
     * The class of each cause of {@code cause}, H2's or PostgreSQL's error code and state, and the store's
     * own sentences (fixed text); never a database's message, which may quote data. Empty without a cause.
     */
    public static String summary(Throwable cause) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = cause; t != null && depth < 8; t = t.getCause(), depth++) {
            text.append(text.isEmpty() ? " (" : " < ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql) {
                text.append(' ').append(sql.getErrorCode()).append('/').append(sql.getSQLState());
            } else if (t instanceof StoreException && t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.isEmpty() ? "" : text.append(')').toString();
    }
}
