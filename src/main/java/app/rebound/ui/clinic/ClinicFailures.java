package app.rebound.ui.clinic;

import java.util.Map;

import javafx.collections.ObservableMap;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.NotAllowedException;
import app.rebound.ui.kit.Failures;

/** What the Clinic menu's forms say when the accounts or the audit refuse or fail. */
final class ClinicFailures {

    private ClinicFailures() {
    }

    /**
     * Puts each refused field's message under its field (ValidationException) and returns the line for
     * the status; other failures are logged and described without a stack trace. A refusal by the
     * service (NotAllowedException, e.g. removing yourself) is shown in the service's own words.
     */
    static String explain(String actionKey, Throwable failure, ObservableMap<String, String> errors,
            Map<String, String> fieldAliases) {
        if (failure instanceof ValidationException invalid) {
            for (Violation problem : invalid.violations()) {
                String field = fieldAliases.getOrDefault(problem.field(), problem.field());
                errors.putIfAbsent(field, problem.message());
            }
            return Messages.get("clinic.fixFields");
        }
        if (failure instanceof NotAllowedException refused && refused.getMessage() != null) {
            return refused.getMessage().endsWith(".") ? refused.getMessage() : refused.getMessage() + ".";
        }
        String action = Messages.get(actionKey);
        Failures.log(action, failure);
        return Failures.describe(action, failure);
    }
}
