package app.rebound.ui;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.rebound.domain.Messages;
import app.rebound.service.RecordsUnavailableException;

/**
 * Turns a failure into words a clinician can act on, and logs it without its messages: database
 * messages can quote the values being written, and patient data never goes to the log.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** What to tell the clinician when {@code action} (e.g. "save the patient") failed. */
    public static String describe(String action, Throwable failure) {
        if (failure instanceof RecordsUnavailableException unavailable) {
            return Messages.get(unavailable.inUse() ? "error.recordsInUse" : "error.recordsUnavailable");
        }
        return Messages.format("error.general", action);
    }

    /** Logs the failure's kinds, SQL states and stack, but not its messages. */
    public static void log(String action, Throwable failure) {
        LOG.error("Could not {}: {}", action, redacted(failure));
    }

    static String redacted(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                out.append("[SQLState ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode()).append(']');
            }
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(6, stack.length); i++) {
                out.append("\n\tat ").append(stack[i]);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }
}
