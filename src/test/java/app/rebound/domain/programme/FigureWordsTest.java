package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.rebound.domain.visit.Stage;

/** Every drawing of the library has words of its own, for the handout's screen-reader text. */
class FigureWordsTest {

    @Test
    void everyDrawingOfTheLibraryIsDescribedInItsOwnWords() {
        Set<String> seen = new HashSet<>();
        for (Exercise exercise : ExerciseLibrary.shipped()) {
            if (exercise.illustration() == null) {
                continue;
            }
            assertThat(FigureWords.described(exercise)).as(exercise.code()).isTrue();
            String words = FigureWords.of(exercise);
            assertThat(words).as(exercise.code()).isNotBlank().endsWith(".").doesNotContain("figure.");
            assertThat(seen.add(words)).as("the same words for two drawings: " + words).isTrue();
        }
    }

    @Test
    void anExerciseWithoutWordsOfItsOwnIsDescribedByItsName() {
        Exercise base = ExerciseLibrary.byCode("bridge").orElseThrow();
        Exercise own = new Exercise("clinic-wall-sit", "Wall sit", Stage.BUILD, base.kind(), null, base.instructions(),
                base.cues(), base.defaultDose(), null, null, base.illustration());
        assertThat(FigureWords.described(own)).isFalse();
        assertThat(FigureWords.of(own)).isEqualTo("Drawing of the exercise: Wall sit");
    }
}
