package app.rebound.ui;

import app.rebound.domain.Messages;
import app.rebound.service.FailureLog;
import app.rebound.service.RecordsUnavailableException;

/** Turns a failure into words a clinician can act on, and logs it without patient data. */
public final class Failures {

    private Failures() {
    }

    /** What to tell the clinician when {@code action} (e.g. "save the patient") failed. */
    public static String describe(String action, Throwable failure) {
        if (failure instanceof RecordsUnavailableException unavailable) {
            return Messages.get(switch (unavailable.reason()) {
                case IN_USE -> "error.recordsInUse";
                case CANNOT_UPDATE -> "error.recordsNotUpdated";
                case CANNOT_OPEN -> "error.recordsUnavailable";
                case MISSING -> "error.recordsMissing";
                case DAMAGED -> "error.recordsDamaged";
                case OTHER_KEY_FILE -> "error.otherKeyFile";
            });
        }
        if (failure instanceof app.rebound.service.NotAllowedException) {
            return Messages.get("error.notAllowed");
        }
        return Messages.format("error.general", action);
    }

    public static void log(String action, Throwable failure) {
        FailureLog.log(action, failure);
    }

    /**
     * Logs the failure of an action (named by its message key, e.g. "action.savePatient") and hands
     * the clinician's message to {@code reporter}.
     */
    public static void report(String actionKey, Throwable failure, java.util.function.Consumer<String> reporter) {
        String action = Messages.get(actionKey);
        log(action, failure);
        reporter.accept(describe(action, failure));
    }
}
