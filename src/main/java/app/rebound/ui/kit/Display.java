package app.rebound.ui.kit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import app.rebound.domain.Messages;

/** How values read on screen: dates in words, enumerations by their translated names. */
public final class Display {

    private static final DateTimeFormatter MEDIUM = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));

    private Display() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : MEDIUM.format(date);
    }

    /** The clinician's word for an enumeration value, e.g. "Emergency caesarean". */
    public static String of(Enum<?> value) {
        if (value == null) {
            return Messages.get("value.notRecorded");
        }
        return Messages.name(value);
    }
}
