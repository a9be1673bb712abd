package app.rebound.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One birth. Mode and perineal trauma may be unknown (null): not recorded is never a value.
 */
public record Birth(LocalDate date, BirthMode mode, PerinealTrauma perinealTrauma) {

    public Birth {
        Objects.requireNonNull(date, "date");
    }
}
