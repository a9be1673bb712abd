package app.rebound.domain;

import java.util.List;

/** Thrown when a record breaks the rules; carries every violation, never patient data in its message. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.size() + " validation problem(s) in fields "
                + violations.stream().map(Violation::field).distinct().toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
