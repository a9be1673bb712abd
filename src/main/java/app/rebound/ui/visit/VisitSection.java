package app.rebound.ui.visit;

import java.util.List;

import javafx.beans.Observable;

import app.rebound.domain.visit.Visit;

/**
 * One part of the assessment on the visit form: it loads its fields from a visit and applies them to a
 * visit being built, so the form's view model never maps fields one by one.
 */
interface VisitSection {

    /** Fills the fields from a stored visit. */
    void load(Visit visit);

    /**
     * Sets this part of {@code visit}: as typed ({@code asTyped}, for the validator), or as it can be saved
     * (a value the validator refuses left out, a text too long replaced by the one in {@code saved}).
     */
    void applyTo(Visit.Builder visit, Visit saved, boolean asTyped);

    /** Everything that changes when the clinician types or ticks. */
    List<Observable> observables();

    /** The number fields, whose own errors (not a number, out of range) the form shows. */
    default List<NumberInput> numberInputs() {
        return List.of();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The text as typed, or while it is too long to save, the text last saved (nothing is lost on screen). */
    static String savable(String typed, String saved, int max) {
        String text = blankToNull(typed);
        return text != null && text.codePointCount(0, text.length()) > max ? saved : text;
    }
}
