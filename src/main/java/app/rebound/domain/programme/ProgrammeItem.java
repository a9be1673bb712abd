package app.rebound.domain.programme;

import java.util.Objects;

/** One exercise of a home programme, by its code, with the dose and notes chosen for this patient. */
public record ProgrammeItem(String exercise, Dose dose, String notes) {

    public static final int NOTES_MAX_LENGTH = 2000;

    public ProgrammeItem {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(dose, "dose");
    }
}
