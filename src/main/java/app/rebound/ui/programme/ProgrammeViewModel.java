package app.rebound.ui.programme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.Messages;
import app.rebound.domain.PersonName;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.Reasons;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StageChoice;
import app.rebound.service.ProgrammeService;
import app.rebound.service.ChangedElsewhereException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.ChangedElsewhere;
import app.rebound.ui.kit.TaskRunner;

/**
 * The programme builder: starts from the saved programme or the suggestion for the visit's stage;
 * exercises added, removed, reordered and dosed; the walk-run plan edited; everything checked
 * against the same rules before it is saved or printed.
 */
public final class ProgrammeViewModel {

    /** One exercise row as typed. */
    public static final class ItemRow {
        final Exercise exercise;
        final StringProperty sets = new SimpleStringProperty();
        final StringProperty reps = new SimpleStringProperty();
        final StringProperty hold = new SimpleStringProperty();
        final StringProperty timesPerDay = new SimpleStringProperty();
        final StringProperty daysPerWeek = new SimpleStringProperty();
        final StringProperty notes = new SimpleStringProperty();
        /** Why the exercise is there (§9 codes); kept whatever the clinician does to the dose. */
        final List<String> reasons;

        ItemRow(Exercise exercise, Dose dose, String notesText, List<String> reasons) {
            this.exercise = exercise;
            this.reasons = List.copyOf(reasons);
            sets.set(Integer.toString(dose.sets()));
            reps.set(Integer.toString(dose.reps()));
            hold.set(Integer.toString(dose.holdSeconds()));
            timesPerDay.set(Integer.toString(dose.timesPerDay()));
            daysPerWeek.set(Integer.toString(dose.daysPerWeek()));
            notes.set(notesText == null ? "" : notesText);
        }

        public Exercise exercise() {
            return exercise;
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** One walk-run week as typed (seconds typed as m:ss). */
    public static final class WeekRow {
        final StringProperty week = new SimpleStringProperty();
        final StringProperty sessions = new SimpleStringProperty();
        final StringProperty run = new SimpleStringProperty();
        final StringProperty walk = new SimpleStringProperty();
        final StringProperty repeats = new SimpleStringProperty();

        WeekRow(WalkRunWeek w) {
            week.set(Integer.toString(w.week()));
            sessions.set(Integer.toString(w.sessionsPerWeek()));
            run.set(Clock.format(w.runSeconds()));
            walk.set(Clock.format(w.walkSeconds()));
            repeats.set(Integer.toString(w.repeats()));
        }
    }

    private final ProgrammeService service;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final ProgrammeService.Context context;
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ObservableList<WeekRow> weeks = FXCollections.observableArrayList();
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(this, "stage");
    private final StringProperty review = new SimpleStringProperty(this, "review", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ReasonText reasonText;
    /** The version of the stored programme the next save starts from. */
    private long version;

    public ProgrammeViewModel(ProgrammeService service, TaskRunner tasks, ProgrammeService.Context context,
            Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.context = context;
        this.dialogs = dialogs;
        this.reasonText = new ReasonText(context.visit());
        this.version = context.version();
        show(context.programme());
        state.set(Messages.get(context.saved() ? "programme.state.saved" : "programme.state.suggested"));
    }

    private boolean showing;

    private void show(Programme programme) {
        showing = true;
        try {
            fill(programme);
        } finally {
            showing = false;
        }
    }

    private void fill(Programme programme) {
        stage.set(programme.stage());
        items.setAll(programme.exercises().stream()
                .map(i -> new ItemRow(context.exercise(i.exercise()).orElseThrow(), i.dose(), i.notes(),
                        i.reasons()))
                .toList());
        weeks.setAll(programme.walkRun().stream().map(WeekRow::new).toList());
        review.set(programme.reviewInWeeks() == null ? "" : programme.reviewInWeeks().toString());
        check();
    }

    private boolean edited;

    /** Whether the clinician changed anything since the programme was opened or last saved. */
    public boolean isEdited() {
        return edited;
    }

    /** An edit was made on screen. */
    public void edited() {
        if (showing) {
            return;
        }
        edited = true;
        check();
    }

    /**
     * Another workstation changed this programme or its visit while she is changing it here: the screen
     * says so; hers stays on screen, and saving it is checked against theirs as any save is.
     */
    public void changedOnAnotherWorkstation() {
        state.set(Messages.get("programme.state.changedElsewhere"));
    }

    /** Starts again from the suggestion for another stage. */
    public void restartFor(Stage newStage) {
        edited = false;
        show(service.suggest(context, newStage));
        state.set(Messages.get("programme.state.suggested"));
    }

    public void add(Exercise exercise) {
        items.add(new ItemRow(exercise, exercise.defaultDose(), null, List.of(Reasons.CLINICIAN)));
        edited();
    }

    public void remove(ItemRow row) {
        items.remove(row);
        edited();
    }

    public void move(ItemRow row, int by) {
        int from = items.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= items.size()) {
            return;
        }
        items.remove(from);
        items.add(to, row);
        edited();
    }

    /** The programme as typed, or null with {@link #problems()} saying what is wrong. */
    public Programme build() {
        List<String> found = new ArrayList<>();
        List<ProgrammeItem> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRow row = items.get(i);
            String where = Messages.format("programme.where.exercise", i + 1, row.exercise.name());
            Integer sets = number(row.sets, where, "programme.column.sets", found);
            Integer reps = number(row.reps, where, "programme.column.reps", found);
            Integer hold = number(row.hold, where, "programme.column.hold", found);
            Integer times = number(row.timesPerDay, where, "programme.column.timesPerDay", found);
            Integer days = number(row.daysPerWeek, where, "programme.column.daysPerWeek", found);
            if (sets != null && reps != null && hold != null && times != null && days != null) {
                String notes = row.notes.get() == null || row.notes.get().isBlank() ? null : row.notes.get().strip();
                list.add(new ProgrammeItem(row.exercise.code(), new Dose(sets, reps, hold, times, days), notes,
                        row.reasons));
            }
        }
        List<WalkRunWeek> plan = new ArrayList<>();
        for (WeekRow row : weeks) {
            String where = Messages.format("programme.where.week", row.week.get());
            Integer week = number(row.week, where, "programme.column.week", found);
            Integer sessions = number(row.sessions, where, "programme.column.sessions", found);
            Integer run = Clock.parse(row.run.get());
            Integer walk = Clock.parse(row.walk.get());
            Integer repeats = number(row.repeats, where, "programme.column.repeats", found);
            if (run == null) {
                found.add(Messages.format("programme.problem.time", where, Messages.get("programme.column.run")));
            }
            if (walk == null) {
                found.add(Messages.format("programme.problem.time", where, Messages.get("programme.column.walk")));
            }
            if (week != null && sessions != null && run != null && walk != null && repeats != null) {
                plan.add(new WalkRunWeek(week, sessions, run, walk, repeats));
            }
        }
        Integer reviewWeeks = review.get() == null || review.get().isBlank() ? null
                : number(review, Messages.get("programme.review"), "programme.review", found);
        if (!found.isEmpty()) {
            problems.setAll(found);
            return null;
        }
        Programme programme = new Programme(stage.get(), context.readiness().suggestedStage(), list, plan, reviewWeeks);
        List<Violation> violations = new ArrayList<>(programme.validate(code -> context.exercise(code).isPresent()));
        violations.addAll(StageChoice.checkProgramme(programme.stage(), context.visit(), context.readiness()));
        problems.setAll(violations.stream().map(Violation::message).toList());
        return violations.isEmpty() ? programme : null;
    }

    private static Integer number(StringProperty text, String where, String columnKey, List<String> found) {
        String t = text.get() == null ? "" : text.get().strip();
        if (t.matches("\\d{1,4}")) {
            return Integer.valueOf(t);
        }
        found.add(Messages.format("programme.problem.number", where, Messages.get(columnKey)));
        return null;
    }

    /** Checks what is on screen now; true when it can be saved and printed. */
    public boolean check() {
        return build() != null;
    }

    public void save(Runnable onSaved) {
        Programme programme = build();
        if (programme == null) {
            return;
        }
        busy.set(true);
        long from = version;
        BackgroundTask.wrap(() -> service.save(context.visit().id(), programme, from))
                .onSuccess(saved -> {
                    version = saved;
                    state.set(Messages.get("programme.state.saved"));
                    edited = false;
                    onSaved.run();
                })
                .onError(ChangedElsewhereException.class, refused -> {
                    // hers is still on screen: saving again keeps it over the other workstation's
                    version = refused.storedVersion();
                    dialogs.error(Messages.format("programme.changedElsewhere",
                            ChangedElsewhere.describe(refused)));
                })
                .onFailure(failure -> dialogs.report("action.saveProgramme", failure))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Renders the handout in the background and hands the PDF bytes on. */
    public void render(Consumer<byte[]> onRendered) {
        Programme programme = build();
        if (programme == null) {
            return;
        }
        busy.set(true);
        BackgroundTask.wrap(() -> service.handout(context, programme))
                .onSuccess(onRendered)
                .onFailure(failure -> dialogs.report("action.renderHandout", failure))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    public void exportPdf(Path file, Runnable onDone) {
        Programme programme = build();
        if (programme == null) {
            return;
        }
        busy.set(true);
        BackgroundTask.wrap(() -> {
                    service.writeHandout(context, programme, file);
                    return null;
                })
                .onSuccess(done -> {
                    state.set(Messages.format("programme.state.exported", file.getFileName()));
                    onDone.run();
                })
                .onFailure(failure -> dialogs.report("action.exportHandout", failure))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    public String suggestedFileName() {
        String name = PersonName.fullName(context.patient().givenName(), context.patient().familyName())
                .replaceAll("[\\\\/:*?\"<>|]", "_");
        return Messages.format("programme.fileName", name, context.visit().date().toString());
    }

    public ObservableList<ItemRow> items() {
        return items;
    }

    public ObservableList<WeekRow> weeks() {
        return weeks;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty reviewProperty() {
        return review;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ProgrammeService.Context context() {
        return context;
    }

    /** Why the row's exercise is there, in the clinician's words ("Knack absent · Leaked on hop (left)"). */
    public String why(ItemRow row) {
        return reasonText.of(row.reasons());
    }

    public List<Exercise> library() {
        return context.exercises();
    }
}
