package app.rebound.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.rebound.store.SqlDiagnostics;
import app.rebound.store.StorageProblem;

/**
 * Logs a failure without its messages: database messages can quote the values being written, and
 * patient data never goes to the log. The kinds of exception, SQL states and stack frames remain,
 * which is what IT support needs.
 */
public final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

    private FailureLog() {
    }

    public static void log(String action, Throwable failure) {
        // the disk's problem by name (FILE_TOO_LARGE, DISK_FULL, NOT_PERMITTED): the messages saying so are dropped
        String disk = StorageProblem.in(failure).map(problem -> " (" + problem + ")").orElse("");
        LOG.error("Could not {}{}: {}", action, disk, redacted(failure));
    }

    public static String redacted(Throwable failure) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (out.length() > 0) {
                out.append("\n  caused by ");
            }
            out.append(t.getClass().getName());
            out.append(SqlDiagnostics.codes(t));
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(8, stack.length); i++) {
                out.append("\n\tat ").append(stack[i]);
            }
        }
        return out.toString();
    }
}
