package app.rebound.ui.patients;

import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.UUID;

import app.rebound.domain.PatientSummary;
import app.rebound.ui.kit.Display;

/** One line of the patient list, as shown. */
public record PatientRow(PatientSummary summary, String name, String dateOfBirth, String weeksSinceBirth,
        String lastVisit) {

    static PatientRow of(PatientSummary summary, LocalDate today) {
        OptionalLong weeks = summary.weeksSinceBirth(today);
        return new PatientRow(summary,
                summary.listName(),
                Display.date(summary.dateOfBirth()),
                weeks.isPresent() ? Long.toString(weeks.getAsLong()) : "",
                Display.date(summary.lastVisit()));
    }

    public UUID id() {
        return summary.id();
    }

    public boolean archived() {
        return summary.archived();
    }
}
