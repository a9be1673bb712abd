package app.rebound.ui.visit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.ui.kit.Display;

/**
 * One load test result being recorded: its status and the symptoms seen. It also takes them from single
 * keys ({@link #type}): a result key (P pass, S symptoms, I incomplete, N not tested) and symptom keys
 * (L leaking, H heaviness, A pain, D doming), the letters being the bundle's ({@code visit.load.key.*}).
 */
public final class LoadInput {

    /** What a key did to the result. */
    public enum Typed {
        /** Not one of the keys: left to the form (Tab, a shortcut). */
        NOT_A_KEY,
        /** The result changed and more may follow (a symptom, or a status that takes symptoms). */
        CHANGED,
        /** The result is whole: a pass or not tested, which take no symptom. */
        ANSWERED
    }

    /** The result keys in the order the hint lists them. */
    static final List<TestStatus> RESULTS = List.of(TestStatus.PASS, TestStatus.SYMPTOMS, TestStatus.INCOMPLETE,
            TestStatus.NOT_TESTED);

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

    /** The key that records a result, e.g. "P" for a pass. */
    public static String key(TestStatus status) {
        return Messages.get("visit.load.key." + status.name());
    }

    /** The key that records (or clears) a symptom, e.g. "L" for leaking. */
    public static String key(TestSymptom symptom) {
        return Messages.get("visit.load.key." + symptom.name());
    }

    /**
     * Takes one typed character. A pass or "not tested" clears the symptoms (a pass has none); a symptom
     * key ticks or unticks it, and a symptom seen on a test not yet marked, or marked passed, makes it
     * "symptoms". Case does not matter.
     */
    public Typed type(String character) {
        if (character == null || character.isBlank()) {
            return Typed.NOT_A_KEY;
        }
        String typed = character.toUpperCase(Locale.ROOT);
        for (TestStatus result : RESULTS) {
            if (key(result).toUpperCase(Locale.ROOT).equals(typed)) {
                status.set(result);
                if (result == TestStatus.PASS || result == TestStatus.NOT_TESTED) {
                    symptoms.values().forEach(on -> on.set(false));
                    return Typed.ANSWERED;
                }
                return Typed.CHANGED;
            }
        }
        for (TestSymptom symptom : TestSymptom.values()) {
            if (key(symptom).toUpperCase(Locale.ROOT).equals(typed)) {
                BooleanProperty on = symptoms.get(symptom);
                on.set(!on.get());
                TestStatus now = status.get();
                if (on.get() && (now == null || now == TestStatus.PASS || now == TestStatus.NOT_TESTED)) {
                    status.set(TestStatus.SYMPTOMS);
                }
                return Typed.CHANGED;
            }
        }
        return Typed.NOT_A_KEY;
    }

    /** Back to not recorded: no result, no symptom. */
    public void clear() {
        set(null);
    }

    /** The symptoms ticked, in their order. */
    public List<TestSymptom> symptomsSeen() {
        return symptoms.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** The result in words, for a screen reader: "Symptoms: leakage, pain", "Pass", "Not recorded". */
    public String describe() {
        String result = Display.of(status.get());
        List<TestSymptom> seen = symptomsSeen();
        return seen.isEmpty() ? result : Messages.format("visit.load.withSymptoms", result,
                String.join(", ", seen.stream().map(Display::of).toList()));
    }
}
