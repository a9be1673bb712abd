package app.rebound.ui.kit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a view model may put to the clinician: a message, a question, a file to choose. The program
 * shows them as dialogs over its window ({@link FxDialogs}); the view-model tests record them.
 */
public interface Dialogs {

    /** Something went wrong; {@code message} says what and what to do. */
    void error(String message);

    /**
     * An action failed: logs it without patient data and shows the clinician what went wrong in words
     * ({@link Failures#report}); {@code actionKey} names the action, e.g. "action.openVisit".
     */
    default void report(String actionKey, Throwable failure) {
        Failures.report(actionKey, failure, this::error);
    }

    /** Says that something is done, with what the clinician needs to know about it. */
    void inform(String header, String text);

    /**
     * Asks to confirm an action that cannot be undone; Cancel is the default, so Enter does not
     * confirm by accident. True to go ahead.
     */
    boolean confirm(String header, String text, String goAhead);

    /** Asks whether to throw away what was typed ({@code questionKey} names the question); true to discard. */
    boolean confirmDiscard(String questionKey);

    /**
     * Her save was refused because another workstation saved the same record first: shows her values beside
     * the others, field by field, and asks which to keep. {@link Conflict.Choice#LATER} when she closes it (Esc).
     */
    Conflict.Choice resolve(Conflict conflict);

    /** A file to open, asked under {@code title}; empty when she cancels. */
    Optional<Path> chooseFileToOpen(String title, FileKind kind);

    /** Where to save a file, asked under {@code title}, suggesting {@code name}; empty when she cancels. */
    Optional<Path> chooseFileToSave(String title, FileKind kind, String name);

    /** The kinds of file the program reads and writes, for the chooser's filter. */
    enum FileKind {
        /** A JSON patient record file. */
        RECORDS("*.json"),
        /** A backup of the clinic's records. */
        BACKUP("*.zip"),
        /** A PDF handout or report. */
        PDF("*.pdf"),
        /** The audit trail as a table. */
        CSV("*.csv");

        private final String pattern;

        FileKind(String pattern) {
            this.pattern = pattern;
        }

        public String pattern() {
            return pattern;
        }
    }
}
