package app.rebound.ui.kit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates typed by the clinician: the locale's numeric day order with a four-digit year
 * (31/12/1990 in the UK, 12/31/1990 in the US), or ISO 2026-11-22. Shown back the same way.
 */
public final class DateInput {

    private final DateTimeFormatter numeric;
    private final String pattern;

    public DateInput(Locale locale) {
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        String fourDigitYear = shortPattern.replaceAll("y+", "uuuu");
        String twoDigitDayMonth = fourDigitYear.replaceAll("(?<![d])d(?!d)", "dd").replaceAll("(?<![M])M(?!M)", "MM");
        this.pattern = twoDigitDayMonth;
        this.numeric = DateTimeFormatter.ofPattern(twoDigitDayMonth, locale).withResolverStyle(ResolverStyle.STRICT);
    }

    public static DateInput forDefaultLocale() {
        return new DateInput(Locale.getDefault(Locale.Category.FORMAT));
    }

    /** The pattern as a hint for the clinician, e.g. "dd/mm/yyyy". */
    public String hint() {
        return pattern.replace("uuuu", "yyyy").toLowerCase(Locale.ROOT);
    }

    public String format(LocalDate date) {
        return date == null ? "" : numeric.format(date);
    }

    /** The date typed, empty for blank text. */
    public Optional<LocalDate> parse(String text) throws DateTimeParseException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            String[] parts = trimmed.split("-");
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])));
            } catch (DateTimeException e) {
                throw new DateTimeParseException("Not a date", trimmed, 0);
            }
        }
        String padded = padNumbers(trimmed);
        return Optional.of(LocalDate.parse(padded, numeric));
    }

    /** "3/7/1990" becomes "03/07/1990" so the strict two-digit pattern accepts it. */
    private static String padNumbers(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder number = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                number.append(c);
            } else {
                out.append(number.length() == 1 ? "0" + number : number);
                number.setLength(0);
                out.append(c);
            }
        }
        out.append(number.length() == 1 ? "0" + number : number);
        return out.toString();
    }
}
