package app.rebound.ui.kit;

import java.awt.print.PrinterException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.ui.kit.Failures;

/**
 * Prints a recovery key (after set-up, or the new one a removal makes). The print dialog blocks, so the
 * work goes to {@code printer}, a runner of its own; what happened comes back as a sentence.
 */
public final class RecoveryKeyPrinting {

    private RecoveryKeyPrinting() {
    }

    /**
     * @param done  hears "printed" or "not printed" (she cancelled the dialog)
     * @param fault hears that it could not be printed (no printer, no display); the cause is logged
     */
    public static void print(TaskRunner printer, Services services, String recoveryKey, Consumer<String> done,
            Consumer<String> fault) {
        Consumer<Exception> failed = failure -> {
            Failures.log(Messages.get("action.printRecoveryKey"), failure);
            fault.accept(Messages.get("access.recovery.printFailed"));
        };
        BackgroundTask.wrap(() -> ClinicAccess.printRecoveryKey(services, recoveryKey, Locale.getDefault(),
                        Clock.systemDefaultZone()))
                .onSuccess(printed -> done.accept(Messages.get(printed ? "access.recovery.printed"
                        : "access.recovery.notPrinted")))
                .onError(PrinterException.class, failed::accept)
                .onError(RuntimeException.class, failed::accept)
                .onFailure(failure -> Failures.log(Messages.get("action.printRecoveryKey"), failure))
                .executeWith(printer);
    }
}
