package app.rebound.ui.visit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;

/** One load test result being recorded: its status and the symptoms seen. */
public final class LoadInput {

    private final ObjectProperty<TestStatus> status = new SimpleObjectProperty<>(this, "status");
    private final Map<TestSymptom, BooleanProperty> symptoms = new EnumMap<>(TestSymptom.class);

    public LoadInput() {
        for (TestSymptom symptom : TestSymptom.values()) {
            symptoms.put(symptom, new SimpleBooleanProperty(this, symptom.name(), false));
        }
    }

    public ObjectProperty<TestStatus> statusProperty() {
        return status;
    }

    public BooleanProperty symptom(TestSymptom symptom) {
        return symptoms.get(symptom);
    }

    /** The result, or null when not tested. */
    public LoadResult value() {
        TestStatus s = status.get();
        if (s == null || s == TestStatus.NOT_TESTED) {
            return null;
        }
        EnumSet<TestSymptom> seen = EnumSet.noneOf(TestSymptom.class);
        symptoms.forEach((symptom, on) -> {
            if (on.get()) {
                seen.add(symptom);
            }
        });
        return new LoadResult(s, seen);
    }

    public void set(LoadResult result) {
        status.set(result == null ? null : result.status());
        symptoms.forEach((symptom, on) -> on.set(result != null && result.symptoms().contains(symptom)));
    }

    /** A pass means no symptom: a test with symptoms seen cannot pass. */
    public boolean contradictory() {
        LoadResult result = value();
        return result != null && result.passWithSymptoms();
    }

    Iterable<BooleanProperty> allSymptoms() {
        return symptoms.values();
    }
}
