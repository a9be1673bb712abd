package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.domain.visit.Stage;

/** The down-training words (clinical reference §9, DOWN_TRAIN) and what counts as an ask to contract. */
class DownTrainWordingTest {

    @ParameterizedTest
    @ValueSource(strings = {"Gently lift your pelvic floor before you move, as if stopping wind.",
        "Breathe out, gently lift your pelvic floor and stand up tall.", "Squeeze first, then cough.",
        "Keep a gentle lift in your pelvic floor.", "Draw your belly button up toward your spine.",
        "Gently squeeze and lift inside.", "Brace your tummy as you land.", "Tighten your pelvic floor.",
        "Clench your pelvic floor before you jump.", "Let your pelvic floor lift a little on its own.",
        // a review's clinic exercise and notes, which an overactive floor's handout printed
        "Squeeze and lift to protect your floor.", "Now squeeze and hold for 5 seconds.",
        "Engage your abs as you stand.", "Contract your pelvic floor gently.", "Pull up inside.",
        "Tighten your tummy throughout.", "Draw your navel in.", "Brace your core as you land."})
    void asksToContract(String text) {
        assertThat(ContractionCues.asksToContract(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Do not squeeze your bottom, thighs or tummy hard.", "Breathe out and lift your hips.",
        "Breathe out, then squeeze your bottom and lift your hips.", "Lift your top leg up.",
        "Watch your tummy: if it bulges or domes, make it smaller.", "Let your pelvic floor fully relax.",
        "Breathe out as you push.", "Helps a tight pelvic floor let go. This comes before any squeezing.",
        "Lift one foot just off the floor.", "Do not squeeze.", "Keep your core steady and your hips level.",
        "Absolutely no rush: take your time.", "Engage your glutes and push through your heel."})
    void doesNotAskToContract(String text) {
        assertThat(ContractionCues.asksToContract(text)).isFalse();
    }

    @Test
    void everyShippedLineThatAsksHasAVariantAndNoVariantAsks() {
        for (Exercise exercise : ExerciseLibrary.shipped()) {
            if (DownTrainWording.isContractionWork(exercise)) {
                continue;
            }
            Exercise worded = DownTrainWording.of(exercise);
            // nothing is left out: each step and tip has its variant
            assertThat(worded.instructions()).as(exercise.code()).hasSameSizeAs(exercise.instructions());
            assertThat(worded.cues()).as(exercise.code()).hasSameSizeAs(exercise.cues());
            assertThat(worded.easier() == null).as(exercise.code()).isEqualTo(exercise.easier() == null);
            assertThat(worded.harder() == null).as(exercise.code()).isEqualTo(exercise.harder() == null);
            assertThat(ProgrammeSuggesterTest.texts(worded)).as(exercise.code())
                    .noneMatch(ContractionCues::asksToContract);
        }
    }

    @Test
    void aLineThatAsksBecomesBreatheOutAsYouMove() {
        assertThat(DownTrainWording.line("Breathe out, gently lift your pelvic floor and stand up tall."))
                .isEqualTo("Breathe out and stand up tall.");
        assertThat(DownTrainWording.line("Lean forward, breathe out, gently lift your pelvic floor and stand up on one leg."))
                .isEqualTo("Lean forward, breathe out and stand up on one leg.");
        assertThat(DownTrainWording.line("Gently lift your pelvic floor before you move, as if stopping wind."))
                .isEqualTo("Breathe out as you push. Let your pelvic floor stay soft.");
        assertThat(DownTrainWording.line("Stand tall.")).isEqualTo("Stand tall.");
    }

    @Test
    void aClinicsOwnLineThatAsksWithoutAVariantIsLeftOut() {
        Exercise own = new Exercise("wall-sit", "Wall sit", Stage.BUILD, ExerciseKind.GENERAL,
                "Strong thighs.", List.of("Lean on a wall.", "Brace your tummy and slide down."),
                List.of("Squeeze your pelvic floor as you hold."), new Dose(3, 1, 30, 1, 3), null, null, null);

        Exercise worded = DownTrainWording.of(own);

        assertThat(worded.instructions()).containsExactly("Lean on a wall.");
        assertThat(worded.cues()).isEmpty();
        assertThat(DownTrainWording.changes(own)).isTrue();
        assertThat(DownTrainWording.changes(ExerciseLibrary.byCode("single-leg-balance").orElseThrow())).isFalse();
    }

    @Test
    void aClinicExercisesPurposeAndHerNotesLoseWhatAsksHerToContract() {
        Exercise brace = new Exercise("core-brace", "Core brace", Stage.BUILD,
                ExerciseKind.GENERAL, "Squeeze and lift to protect your floor.", List.of("Stand tall."),
                List.of("Pull up inside."), new Dose(3, 10, 0, 1, 3), null, null, null);

        Exercise worded = DownTrainWording.of(brace);

        assertThat(ContractionCues.asksToContract(worded.purpose())).isFalse();
        assertThat(worded.purpose()).isNotBlank();
        assertThat(worded.cues()).isEmpty();
        assertThat(DownTrainWording.note("Tighten your tummy throughout. Go slowly on the stairs."))
                .isEqualTo("Go slowly on the stairs.");
        assertThat(DownTrainWording.note("Tighten your tummy throughout.")).isNull();
        assertThat(DownTrainWording.note("Go slowly, Zoë.")).isEqualTo("Go slowly, Zoë.");
        assertThat(DownTrainWording.note(null)).isNull();
    }

    @Test
    void theContractionExercisesHaveNoVariant() {
        Exercise holds = ExerciseLibrary.byCode("pf-holds-lying").orElseThrow();
        assertThat(DownTrainWording.of(holds)).isSameAs(holds);
    }
}
