package app.rebound.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The database file was not written by Rebound: it is not encrypted though the folder has a key file,
 * or it holds objects Rebound's migrations never create (a trigger, an alias, a view …), which could run
 * code. It is not opened, and left as it was. The message names the objects (never a value in them), as
 * the file gives them but made harmless: whoever wrote the file chose those names, and the message goes to
 * the log and the screen (no line breaks or control characters to forge a log line with, each name cut
 * short, and only the first few named).
 */
public final class ForeignDatabaseException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The most objects named; the rest are counted. */
    static final int MOST_NAMED = 12;
    /** The longest name given (in characters); a longer one is cut, with an ellipsis. */
    static final int LONGEST_NAME = 60;

    ForeignDatabaseException(String message) {
        super(message, null);
    }

    /** The file holds {@code foreign}, each "a kind (its name)", the name made {@link #harmless}. */
    static ForeignDatabaseException holding(List<String> foreign) {
        String named = foreign.stream().limit(MOST_NAMED).collect(Collectors.joining(", "));
        int more = foreign.size() - MOST_NAMED;
        return new ForeignDatabaseException("The database holds what Rebound never creates, so it was not written "
                + "by Rebound: " + named + (more > 0 ? ", and " + more + " more" : ""));
    }

    /** {@code name} with every control, format or line-breaking character a '?', cut to {@link #LONGEST_NAME}. */
    static String harmless(String name) {
        StringBuilder clean = new StringBuilder();
        name.codePoints().limit(LONGEST_NAME + 1L).forEach(c -> {
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
            clean.appendCodePoint(unsafe ? '?' : c);
        });
        if (clean.codePointCount(0, clean.length()) > LONGEST_NAME) {
            clean.setLength(clean.offsetByCodePoints(0, LONGEST_NAME));
            clean.append('…');
        }
        return clean.toString();
    }
}
