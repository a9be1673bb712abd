package app.rebound.service;

import java.util.List;

/**
 * A record file refused: nothing was written. Each error is one line naming the JSON path, the
 * value and the rule ({@code patients[0].visits[2].pelvicFloor.power: 7 is outside 0–5 (Modified
 * Oxford Scale).}).
 */
public final class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public InvalidRecordException(List<String> errors) {
        super(errors.isEmpty() ? "Invalid record file" : errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
