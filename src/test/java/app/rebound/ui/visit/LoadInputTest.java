package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;

/** A load test result typed as single keys: what each key records, in the domain's own terms. */
class LoadInputTest {

    private final LoadInput input = new LoadInput();

    @BeforeEach
    void english() {
        Locale.setDefault(Locale.UK);
    }

    @Test
    void everyResultAndSymptomHasAKeyOfItsOwn() {
        Set<String> keys = new HashSet<>();
        for (TestStatus status : LoadInput.RESULTS) {
            assertThat(keys.add(LoadInput.key(status).toUpperCase(Locale.ROOT))).as(status.name()).isTrue();
        }
        for (TestSymptom symptom : TestSymptom.values()) {
            assertThat(keys.add(LoadInput.key(symptom).toUpperCase(Locale.ROOT))).as(symptom.name()).isTrue();
        }
        assertThat(LoadInput.RESULTS).containsExactlyInAnyOrder(TestStatus.values());
        assertThat(LoadInput.key(TestStatus.PASS)).isEqualTo("P");
        assertThat(LoadInput.key(TestSymptom.PAIN)).as("P is a pass: pain is A").isEqualTo("A");
    }

    @Test
    void pIsAPassThatLeavesNothingMoreToType() {
        assertThat(input.type("p")).isEqualTo(LoadInput.Typed.ANSWERED);
        assertThat(input.value()).isEqualTo(LoadResult.of(TestStatus.PASS));
        assertThat(input.describe()).isEqualTo("Pass");
    }

    @Test
    void aSymptomOnATestNotYetMarkedMakesItSymptoms() {
        assertThat(input.type("L")).isEqualTo(LoadInput.Typed.CHANGED);
        assertThat(input.type("a")).isEqualTo(LoadInput.Typed.CHANGED);
        assertThat(input.value()).isEqualTo(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE, TestSymptom.PAIN));
        assertThat(input.describe()).isEqualTo("Symptoms: Leakage, Pain");
        assertThat(input.contradictory()).isFalse();
    }

    @Test
    void incompleteKeepsItsSymptomsAndASymptomKeyTogglesIt() {
        input.type("i");
        input.type("h");
        input.type("d");
        assertThat(input.value()).isEqualTo(LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS,
                TestSymptom.DOMING));
        input.type("d");
        assertThat(input.value()).isEqualTo(LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS));
    }

    @Test
    void aPassAfterSymptomsClearsThemSoAPassNeverHasSymptoms() {
        input.type("s");
        input.type("l");
        input.type("p");
        assertThat(input.value()).isEqualTo(LoadResult.of(TestStatus.PASS));
        input.type("h");
        assertThat(input.value()).as("a symptom seen on a pass: it did not pass")
                .isEqualTo(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.HEAVINESS));
    }

    @Test
    void notTestedIsNotRecordedAndClearLeavesNothing() {
        input.type("l");
        assertThat(input.type("n")).isEqualTo(LoadInput.Typed.ANSWERED);
        assertThat(input.value()).as("not tested is the same as not recorded").isNull();
        assertThat(input.symptomsSeen()).isEmpty();
        input.type("s");
        input.clear();
        assertThat(input.statusProperty().get()).isNull();
        assertThat(input.describe()).isEqualTo("Not recorded");
    }

    @Test
    void otherKeysAreLeftToTheForm() {
        for (String key : new String[] {"x", "7", " ", "\t", ""}) {
            assertThat(input.type(key)).as("'%s'", key).isEqualTo(LoadInput.Typed.NOT_A_KEY);
        }
        assertThat(input.type(null)).isEqualTo(LoadInput.Typed.NOT_A_KEY);
        assertThat(input.value()).isNull();
    }
}
