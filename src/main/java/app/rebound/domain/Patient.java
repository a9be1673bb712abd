package app.rebound.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient as the clinic knows her. Optional fields are null when not recorded.
 * Births are kept in date order.
 */
public record Patient(
        UUID id,
        Instant updated,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String phone,
        String email,
        boolean archived,
        List<Birth> births,
        BigDecimal previousWeeklyRunKm,
        String goal,
        String notes,
        String extensions) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updated, "updated");
        previousWeeklyRunKm = Decimals.shortest(previousWeeklyRunKm);
        births = births == null ? List.of()
                : births.stream().sorted(Comparator.comparing(Birth::date)).toList();
    }

    /** The most recent birth on or before the given day, if any. */
    public Optional<Birth> mostRecentBirthOnOrBefore(LocalDate day) {
        return BirthTiming.mostRecentOnOrBefore(births, day);
    }

    public Patient withArchived(boolean value) {
        return new Patient(id, updated, givenName, familyName, dateOfBirth, phone, email, value,
                births, previousWeeklyRunKm, goal, notes, extensions);
    }

    public Patient withUpdated(Instant value) {
        return new Patient(id, value, givenName, familyName, dateOfBirth, phone, email, archived,
                births, previousWeeklyRunKm, goal, notes, extensions);
    }

    /** "Family, Given" as a clinician scans a list. */
    public String listName() {
        return PersonName.listName(givenName, familyName);
    }
}
