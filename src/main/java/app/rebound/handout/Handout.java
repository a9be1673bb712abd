package app.rebound.handout;

import java.time.LocalDate;
import java.util.List;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.PaperSize;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.visit.Stage;

/** Everything a home-programme handout prints. */
public record Handout(
        String clinicName,
        ClinicLogo logo,
        String clinicianName,
        PaperSize paper,
        String patientName,
        LocalDate date,
        Stage stage,
        List<Item> exercises,
        List<WalkRunRow> walkRun,
        Integer reviewInWeeks) {

    public Handout {
        exercises = List.copyOf(exercises);
        walkRun = walkRun == null ? List.of() : List.copyOf(walkRun);
    }

    /** One exercise with the dose and notes chosen for her, and the clinic's photo if it has one. */
    public record Item(Exercise exercise, Dose dose, String notes, ExercisePhoto photo) {

        public Item(Exercise exercise, Dose dose, String notes) {
            this(exercise, dose, notes, null);
        }
    }

    /** One week of the walk-run plan. */
    public record WalkRunRow(int week, int sessionsPerWeek, int runSeconds, int walkSeconds, int repeats) {
    }
}
