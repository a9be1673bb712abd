package app.rebound.domain;

import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One line of the patient list. {@code latestBirth} is the most recent birth on or before today;
 * {@code lastVisit} the date of her latest visit. Either is null when there is none.
 */
public record PatientSummary(
        UUID id,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        boolean archived,
        LocalDate latestBirth,
        LocalDate lastVisit) {

    public String listName() {
        return PersonName.listName(givenName, familyName);
    }

    public OptionalLong weeksSinceBirth(LocalDate today) {
        return BirthTiming.weeksBetween(latestBirth, today);
    }
}
