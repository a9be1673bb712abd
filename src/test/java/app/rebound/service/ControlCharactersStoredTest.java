package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.FindingsFixture;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * A programme's notes and a clinic's own exercise lose their invisible control characters when stored,
 * as every other text does (TextNormalization): PostgreSQL refuses U+0000 in text, and an export holding
 * one is refused by import. A line break pasted as a control character (Word's U+000B) stays a break.
 */
class ControlCharactersStoredTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path out;

    @Test
    void programmeNotesAndClinicExercisesAreStoredWithoutControlsAndTheirExportImports() throws Exception {
        Path file = out.resolve("records.json");
        Visit visit;
        try (Services services = TestKeys.services(first, VisitFixture.CLOCK, Locale.UK)) {
            services.exercises().saveClinicExercise(new Exercise("wall-sit-ball", "Wall\u0007 sit", Stage.BUILD,
                    ExerciseKind.GENERAL, "Strong\u0000 thighs.", List.of("Lean\u001b on a wall.", "\u0000"),
                    List.of("Breathe\u0085out."), new Dose(3, 1, 30, 1, 3), null, null, null), true);
            Exercise stored = services.exercises().byCode("wall-sit-ball").orElseThrow();
            assertThat(stored.name()).isEqualTo("Wall sit");
            assertThat(stored.purpose()).isEqualTo("Strong thighs.");
            assertThat(stored.instructions()).containsExactly("Lean on a wall.");
            assertThat(stored.cues()).containsExactly("Breathe out.");

            Patient patient = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
            visit = services.visits().save(new FindingsFixture().floor(3, false, Relaxation.COMPLETE, Tone.NORMAL)
                    .visit(patient.id(), LocalDate.of(2026, 11, 20), Stage.WALK_RUN)).visit();
            Programme suggested = services.programmes().open(visit.id()).programme();
            List<ProgrammeItem> items = new ArrayList<>(suggested.exercises());
            items.set(0, items.get(0).withNotes("Slow\u0000 down\u000bat the top"));
            services.programmes().save(visit.id(), new Programme(suggested.stage(), suggested.suggestedStage(), items,
                    suggested.walkRun(), suggested.reviewInWeeks()));
            assertThat(services.programmes().open(visit.id()).programme().exercises().get(0).notes())
                    .isEqualTo("Slow down\nat the top");
            services.records().export(List.of(), file);
        }
        try (Services services = TestKeys.services(second, VisitFixture.CLOCK, Locale.UK)) {
            services.records().importFile(file);
            assertThat(services.programmes().open(visit.id()).programme().exercises().get(0).notes())
                    .isEqualTo("Slow down\nat the top");
        }
    }
}
