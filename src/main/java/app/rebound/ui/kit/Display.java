package app.rebound.ui.kit;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import app.rebound.domain.Messages;

/** How values read on screen: dates in the clinic's style, enumerations by their translated names. */
public final class Display {

    private Display() {
    }

    /** The date in the clinic's style (Settings), e.g. 26/10/2026: the one style every screen shows. */
    public static String date(LocalDate date) {
        return DateInput.clinic().format(date);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A moment as "26/10/2026 14:05": the clinic's date style and a 24-hour time. */
    public static String dateTime(ZonedDateTime at) {
        return at == null ? "" : date(at.toLocalDate()) + " " + TIME.format(at);
    }

    /** The clinician's word for an enumeration value, e.g. "Emergency caesarean". */
    public static String of(Enum<?> value) {
        if (value == null) {
            return Messages.get("value.notRecorded");
        }
        return Messages.name(value);
    }
}
