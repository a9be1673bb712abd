package app.rebound.domain;

import java.util.List;

/** The first page of a patient search; {@code more} says there are further matches past it. */
public record PatientPage(List<PatientSummary> patients, boolean more) {

    public PatientPage {
        patients = List.copyOf(patients);
    }
}
