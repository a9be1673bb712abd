package app.rebound.domain;

import java.util.List;

/**
 * One broken rule: which field, and the message (a key of the message bundle and its arguments)
 * that tells the clinician what is wrong and how to fix it.
 */
public record Violation(String field, String messageKey, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(String field, String messageKey, Object... arguments) {
        return new Violation(field, messageKey, List.of(arguments));
    }

    public String message() {
        return Messages.format(messageKey, arguments.toArray());
    }
}
