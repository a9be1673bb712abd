package app.rebound.domain.visit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The outcome of a load test (or one side of it) and the symptoms seen. */
public record LoadResult(TestStatus status, Set<TestSymptom> symptoms) {

    public LoadResult {
        Objects.requireNonNull(status, "status");
        symptoms = symptoms == null || symptoms.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(symptoms));
    }

    public static LoadResult of(TestStatus status, TestSymptom... symptoms) {
        return new LoadResult(status, symptoms.length == 0 ? Set.of() : EnumSet.of(symptoms[0], symptoms));
    }

    public boolean passed() {
        return status == TestStatus.PASS;
    }

    /**
     * PASS means the target was reached with no symptom (record format RESULT), so a pass with symptoms
     * contradicts itself: the validator refuses it and the form keeps it out of what it saves.
     */
    public boolean passWithSymptoms() {
        return status == TestStatus.PASS && !symptoms.isEmpty();
    }

    /** NOT_TESTED is the same as not recorded. */
    public boolean recorded() {
        return status != TestStatus.NOT_TESTED;
    }
}
