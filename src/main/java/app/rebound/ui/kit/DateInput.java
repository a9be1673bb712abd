package app.rebound.ui.kit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import app.rebound.domain.DateStyle;

/**
 * The one way dates are written and read on screen: the clinic's {@link DateStyle} (chosen in
 * Settings), e.g. 26/10/2026. Typing accepts that style (one-digit days and months too), ISO
 * 2026-10-26, and two-digit years, read as the latest such year that is not in the future (in 2026,
 * "26/10/26" is 2026 and "26/10/90" is 1990).
 */
public final class DateInput {

    private static volatile DateStyle clinicStyle = DateStyle.defaultFor(Locale.getDefault(Locale.Category.FORMAT));
    private static final DateInput CLINIC = new DateInput(() -> clinicStyle, Clock.systemDefaultZone());

    private final Supplier<DateStyle> style;
    private final Clock clock;

    private DateInput(Supplier<DateStyle> style, Clock clock) {
        this.style = style;
        this.clock = clock;
    }

    public DateInput(DateStyle style, Clock clock) {
        this(() -> style, clock);
        Objects.requireNonNull(style, "style");
    }

    /** The locale's usual style (26/10/2026 in the UK, 10/26/2026 in the US, 26.10.2026 in Germany). */
    public DateInput(Locale locale) {
        this(DateStyle.defaultFor(locale), Clock.systemDefaultZone());
    }

    /** Dates in the clinic's style, following Settings when it changes. */
    public static DateInput clinic() {
        return CLINIC;
    }

    /** The same as {@link #clinic()}: the clinic's style is the one every screen uses. */
    public static DateInput forDefaultLocale() {
        return CLINIC;
    }

    /** Sets the style every screen shows and reads from now on (at sign-in and when Settings is saved). */
    public static void useClinicStyle(DateStyle style) {
        clinicStyle = Objects.requireNonNull(style, "style");
    }

    public static DateStyle clinicStyle() {
        return clinicStyle;
    }

    public DateStyle style() {
        return style.get();
    }

    /** The pattern as a hint for the clinician, e.g. "dd/mm/yyyy". */
    public String hint() {
        DateStyle s = style.get();
        String sep = String.valueOf(s.separator());
        return switch (s.order()) {
            case DAY_MONTH_YEAR -> "dd" + sep + "mm" + sep + "yyyy";
            case MONTH_DAY_YEAR -> "mm" + sep + "dd" + sep + "yyyy";
            case YEAR_MONTH_DAY -> "yyyy" + sep + "mm" + sep + "dd";
        };
    }

    public String format(LocalDate date) {
        if (date == null) {
            return "";
        }
        DateStyle s = style.get();
        String sep = String.valueOf(s.separator());
        String day = two(date.getDayOfMonth());
        String month = two(date.getMonthValue());
        String year = String.format(Locale.ROOT, "%04d", date.getYear());
        return switch (s.order()) {
            case DAY_MONTH_YEAR -> day + sep + month + sep + year;
            case MONTH_DAY_YEAR -> month + sep + day + sep + year;
            case YEAR_MONTH_DAY -> year + sep + month + sep + day;
        };
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /**
     * The date typed, empty for blank text.
     *
     * @throws DateTimeParseException when the text is not a date in the clinic's style or ISO
     */
    public Optional<LocalDate> parse(String text) throws DateTimeParseException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (!trimmed.matches("\\d{1,4}\\s*[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*\\d{1,4}")) {
            throw new DateTimeParseException("Not a date", trimmed, 0);
        }
        String[] parts = trimmed.split("\\s*[/.\\-]\\s*");
        int year;
        int month;
        int day;
        if (parts[0].length() == 4) {
            // ISO, whatever the clinic's style: 2026-10-26
            if (parts[2].length() > 2) {
                throw new DateTimeParseException("Not a date", trimmed, 0);
            }
            year = Integer.parseInt(parts[0]);
            month = Integer.parseInt(parts[1]);
            day = Integer.parseInt(parts[2]);
        } else {
            DateStyle.Order order = style.get().order();
            if (order == DateStyle.Order.YEAR_MONTH_DAY || parts[0].length() > 2
                    || (parts[2].length() != 2 && parts[2].length() != 4)) {
                throw new DateTimeParseException("Not a date", trimmed, 0);
            }
            boolean dayFirst = order == DateStyle.Order.DAY_MONTH_YEAR;
            day = Integer.parseInt(dayFirst ? parts[0] : parts[1]);
            month = Integer.parseInt(dayFirst ? parts[1] : parts[0]);
            year = parts[2].length() == 2 ? latestPastYear(Integer.parseInt(parts[2])) : Integer.parseInt(parts[2]);
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Not a date", trimmed, 0);
        }
    }

    /** "90" is 1990 and "26" is 2026 in 2026: the latest year ending in those digits not after this one. */
    private int latestPastYear(int twoDigits) {
        int thisYear = LocalDate.now(clock).getYear();
        int candidate = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
        return candidate > thisYear ? candidate - 100 : candidate;
    }
}
