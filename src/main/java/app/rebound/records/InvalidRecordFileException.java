package app.rebound.records;

import java.util.List;

/**
 * A record file that cannot be imported. Each error is one line naming the JSON path, the value
 * and the rule, e.g. {@code patients[0].visits[2].pelvicFloor.power: 7 is outside 0–5 (Modified
 * Oxford Scale).} The messages hold no more of the file than the offending value.
 */
public final class InvalidRecordFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public InvalidRecordFileException(List<String> errors) {
        super(errors.isEmpty() ? "Invalid record file" : errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
