package app.rebound.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/** Time since birth, as the return-to-running guideline counts it. */
public final class BirthTiming {

    private BirthTiming() {
    }

    /** The most recent birth on or before {@code day}; births after it do not count for that day. */
    public static Optional<Birth> mostRecentOnOrBefore(Collection<Birth> births, LocalDate day) {
        return births.stream()
                .filter(b -> !b.date().isAfter(day))
                .max(Comparator.comparing(Birth::date));
    }

    /** Whole days from the most recent birth on or before {@code day} to {@code day}. */
    public static OptionalLong daysSinceBirth(Collection<Birth> births, LocalDate day) {
        return mostRecentOnOrBefore(births, day)
                .map(b -> OptionalLong.of(ChronoUnit.DAYS.between(b.date(), day)))
                .orElse(OptionalLong.empty());
    }

    /** Completed weeks from the most recent birth on or before {@code day}. */
    public static OptionalLong weeksSinceBirth(Collection<Birth> births, LocalDate day) {
        OptionalLong days = daysSinceBirth(births, day);
        return days.isPresent() ? OptionalLong.of(days.getAsLong() / 7) : OptionalLong.empty();
    }

    /** Completed weeks between a birth date and a day; negative input gives an empty result. */
    public static OptionalLong weeksBetween(LocalDate birth, LocalDate day) {
        if (birth == null || birth.isAfter(day)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ChronoUnit.DAYS.between(birth, day) / 7);
    }
}
