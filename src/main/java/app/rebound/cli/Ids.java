package app.rebound.cli;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Patient and visit ids as typed: a malformed id is as unknown as a well-formed one that is not there. */
final class Ids {

    /** The canonical form only: UUID.fromString would also take "1-2-3-4-5". */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static UUID patient(String text) {
        return parse(text, "patient");
    }

    static UUID visit(String text) {
        return parse(text, "visit");
    }

    static CommandRefused noPatient(Object id) {
        return CommandRefused.invalid("no patient with id " + shown(id));
    }

    static CommandRefused noVisit(Object id) {
        return CommandRefused.invalid("no visit with id " + shown(id));
    }

    private static UUID parse(String text, String what) {
        if (text == null || !UUID_TEXT.matcher(text.strip()).matches()) {
            throw CommandRefused.invalid("no " + what + " with id " + shown(text));
        }
        return UUID.fromString(text.strip().toLowerCase(Locale.ROOT));
    }

    /** An id as typed, kept to one short line whatever was pasted. */
    private static String shown(Object id) {
        String text = String.valueOf(id).replaceAll("\\p{Cntrl}", "?");
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
