package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One exercise of a home programme, by its code, with the dose and notes chosen for this patient, and
 * the reasons it is there (clinical reference §9: the codes of the rules that put it there or changed
 * it, such as {@code STAGE}, {@code KNACK}, {@code LOAD_FAILED:HOP}; see {@link Reasons}). The reasons
 * are stored with the programme and shown to the clinician; they are not part of record format v1 and
 * never printed on the patient's handout.
 */
public record ProgrammeItem(String exercise, Dose dose, String notes, List<String> reasons) {

    public static final int NOTES_MAX_LENGTH = 2000;

    public ProgrammeItem {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(dose, "dose");
        // each code once, in the order the rules gave them
        reasons = reasons == null ? List.of() : List.copyOf(new LinkedHashSet<>(reasons));
    }

    /** The same exercise and reasons with another dose (the clinician edits a dose; the why stays). */
    public ProgrammeItem withDose(Dose newDose) {
        return new ProgrammeItem(exercise, newDose, notes, reasons);
    }

    /** The same exercise and dose with other notes. */
    public ProgrammeItem withNotes(String newNotes) {
        return new ProgrammeItem(exercise, dose, newNotes, reasons);
    }

    /** The same exercise with {@code more} reasons after its own (each code once). */
    public ProgrammeItem withReasons(List<String> more) {
        List<String> all = new ArrayList<>(reasons);
        all.addAll(more);
        return new ProgrammeItem(exercise, dose, notes, all);
    }
}
