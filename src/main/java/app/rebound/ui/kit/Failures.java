package app.rebound.ui.kit;

import java.util.Optional;
import java.util.function.Consumer;

import app.rebound.domain.Messages;
import app.rebound.service.DiskProblem;
import app.rebound.service.FailureLog;
import app.rebound.service.NotAllowedException;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerLink;

/** Turns a failure into words a clinician can act on, and logs it without patient data. */
public final class Failures {

    private Failures() {
    }

    /** What to tell the clinician when {@code action} (e.g. "save the patient") failed. */
    public static String describe(String action, Throwable failure) {
        // a full disk, a file size limit or a permission is never damage: no restore is advised for it
        Optional<DiskProblem> disk = DiskProblem.in(failure);
        if (disk.isPresent() && !(failure instanceof RecordsUnavailableException unavailable && unavailable.inUse())) {
            return Messages.format(switch (disk.get()) {
                case FILE_TOO_LARGE -> "error.fileTooLarge";
                case DISK_FULL -> "error.diskFull";
                case NOT_PERMITTED -> "error.notPermitted";
            }, action);
        }
        if (failure instanceof RecordsUnavailableException unavailable) {
            return Messages.get(switch (unavailable.reason()) {
                case IN_USE -> "error.recordsInUse";
                case CANNOT_UPDATE -> "error.recordsNotUpdated";
                case CANNOT_OPEN -> "error.recordsUnavailable";
                case MISSING -> "error.recordsMissing";
                case DAMAGED -> "error.recordsDamaged";
                case KEY_FILE_MISSING -> "error.keyFileMissing";
                case FOREIGN -> "error.recordsForeign";
                case OTHER_KEY_FILE -> "error.otherKeyFile";
            });
        }
        if (failure instanceof NotAllowedException) {
            return Messages.get("error.notAllowed");
        }
        if (ServerLink.lost(failure)) {
            return Messages.format("error.serverUnreachable", action);
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
    public static void report(String actionKey, Throwable failure, Consumer<String> reporter) {
        String action = Messages.get(actionKey);
        log(action, failure);
        reporter.accept(describe(action, failure));
    }
}
