package app.rebound.ui.kit;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs for view-model tests: records what would have been shown, as lines such as
 * {@code "error: …"}, and answers questions with what the test queued (no answer queued: the
 * clinician cancels).
 */
public final class RecordingDialogs implements Dialogs {

    private final List<String> shown = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private List<String> errorsTo = new ArrayList<>();

    /** Dialogs whose error messages also go to {@code errors} (a test's list of what was reported). */
    public static RecordingDialogs reportingTo(List<String> errors) {
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.errorsTo = errors;
        return dialogs;
    }

    /** Queues the answer to the next question: a Boolean for a confirmation, a Path for a file. */
    public RecordingDialogs answer(Object answer) {
        answers.add(answer);
        return this;
    }

    /** What was shown, in order. */
    public List<String> shown() {
        return List.copyOf(shown);
    }

    /** The error messages shown, in order. */
    public List<String> errors() {
        return shown.stream().filter(line -> line.startsWith("error: ")).map(line -> line.substring(7)).toList();
    }

    @Override
    public void error(String message) {
        shown.add("error: " + message);
        errorsTo.add(message);
    }

    @Override
    public void inform(String header, String text) {
        shown.add("inform: " + header + " | " + text);
    }

    @Override
    public boolean confirm(String header, String text, String goAhead) {
        shown.add("confirm: " + header + " | " + text);
        return next(Boolean.class).orElse(false);
    }

    @Override
    public boolean confirmDiscard(String questionKey) {
        shown.add("confirmDiscard: " + questionKey);
        return next(Boolean.class).orElse(false);
    }

    /**
     * Records "conflict: HEADER | LABEL: YOURS / THEIRS; …" and answers with the {@link Conflict.Choice} the
     * test queued (none queued: she decides later, as Esc does).
     */
    @Override
    public Conflict.Choice resolve(Conflict conflict) {
        StringBuilder line = new StringBuilder("conflict: ").append(conflict.header()).append(" |");
        for (Conflict.Row row : conflict.rows()) {
            line.append(' ').append(row.label()).append(": ").append(row.yours()).append(" / ").append(row.theirs())
                    .append(';');
        }
        shown.add(line.toString());
        return next(Conflict.Choice.class).orElse(Conflict.Choice.LATER);
    }

    /** The conflicts shown, each as its line. */
    public List<String> conflicts() {
        return shown.stream().filter(line -> line.startsWith("conflict: ")).toList();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileKind kind) {
        shown.add("open: " + title);
        return next(Path.class);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, FileKind kind, String name) {
        shown.add("save: " + title + " | " + name);
        return next(Path.class);
    }

    private <T> Optional<T> next(Class<T> type) {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        Object answer = answers.poll();
        if (!type.isInstance(answer)) {
            throw new AssertionError("The test queued " + answer + " where a " + type.getSimpleName() + " was asked");
        }
        return Optional.of(type.cast(answer));
    }
}
