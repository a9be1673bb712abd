package app.rebound.ui.visit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StageChoice;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFields;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;
import app.rebound.service.ServerLink;
import app.rebound.service.ChangedElsewhereException;
import app.rebound.service.VisitService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.ChangedElsewhere;
import app.rebound.ui.kit.Conflict;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * The visit form. Every change is checked at once (a value out of range keeps its text and shows
 * why), the readiness summary follows the form live, and the visit is saved as a draft in the
 * background shortly after the typing stops. A completed visit is read-only until she chooses Amend and
 * gives a reason; each sitting of changes is then recorded as one amendment, each field with its old and
 * new value. Completing refuses a form with invalid fields and asks once about parts not recorded.
 */
public final class VisitFormViewModel {

    /** How long typing must pause before the draft is saved. */
    public static final Duration SAVE_DELAY = Duration.ofMillis(600);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final VisitService service;
    private final TaskRunner tasks;
    private final DateInput dates;
    private final Patient patient;
    private final List<Visit> otherVisits;
    private final Dialogs dialogs;
    private final UUID amendmentSession = UUID.randomUUID();

    private Visit base;
    /** The version of the stored visit this form's next save starts from (read, or saved last). */
    private long version;
    /**
     * The version this form's last save left, set on the worker as the save ends: a save or a completion
     * asked for while an earlier save was still under way starts from that one's version, not from the
     * older one it saw (versions only rise, so the larger of the two is the one to start from).
     */
    private final AtomicLong ownSave = new AtomicLong(Long.MIN_VALUE);
    /** A save was refused (another workstation saved first) and she chose to decide later. */
    private boolean conflictPending;
    /** She kept hers over a visit completed on another workstation: not saved until she amends, with a reason. */
    private boolean keptOverCompleted;
    /** Who saved first and when, as the refused save said; null when the form only heard of a change. */
    private String conflictHeader;
    private LocalDate lastValidDate;
    /** The date she last confirmed (loaded, or left the field with): what a date refused at the end keeps. */
    private LocalDate confirmedDate;
    private boolean loading;
    private boolean saving;
    /** A save failed because the clinic's server could not be reached: what is typed waits in the form. */
    private boolean notSavedOffline;
    /** Typed while such a save was under way: saved after it, if it went through. */
    private boolean changedWhileWaiting;
    private final TaskRunner.Delay debounce;

    // header
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<VisitKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ReadOnlyObjectWrapper<VisitStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            VisitStatus.DRAFT);
    private final ReadOnlyStringWrapper amendReason = new ReadOnlyStringWrapper(this, "amendReason");
    private final BooleanBinding readOnly = Bindings.createBooleanBinding(
            () -> status.get() == VisitStatus.COMPLETE && amendReason.get() == null, status, amendReason);
    // the parts of the assessment, each loading itself from the visit and applying itself to it
    private final HistorySection history = new HistorySection();
    private final SymptomsSection symptoms = new SymptomsSection();
    private final RedFlagsSection redFlags = new RedFlagsSection();
    private final PelvicFloorSection pelvicFloor = new PelvicFloorSection();
    private final AbdominalWallSection abdominalWall = new AbdominalWallSection();
    private final StrengthSection strength = new StrengthSection();
    private final LoadSection load = new LoadSection();
    private final OutcomesSection outcomes = new OutcomesSection();
    private final List<VisitSection> sections = List.of(history, symptoms, redFlags, pelvicFloor, abdominalWall,
            strength, load, outcomes);
    // stage and notes
    private final ObjectProperty<Stage> chosenStage = new SimpleObjectProperty<>(this, "chosenStage");
    private final StringProperty stageReason = new SimpleStringProperty(this, "stageReason", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    /** The fields in error, in the order of the form (the map above has none). */
    private final List<String> errorOrder = new ArrayList<>();
    private final ObservableMap<String, String> warnings = FXCollections.observableHashMap();
    private final ObservableList<String> uncounted = FXCollections.observableArrayList();
    private final ObservableList<Amendment> amendments =
            FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ReadinessSummary> readiness = new ReadOnlyObjectWrapper<>(this, "readiness");
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper(this, "saveState", "");
    private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>(this, "savedAt");
    /** What the form says about another workstation's save of this visit; empty when nothing. */
    private final ReadOnlyStringWrapper elsewhere = new ReadOnlyStringWrapper(this, "elsewhere", "");

    /**
     * @param version the version of {@code visit} as read ({@link VisitService#open}): her saves start from it,
     *                and one refused because another workstation saved since is put to her to decide
     */
    public VisitFormViewModel(VisitService service, TaskRunner tasks, DateInput dates, Patient patient,
            List<Visit> patientVisits, Visit visit, long version, Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.debounce = tasks.delay(SAVE_DELAY, this::saveNow);
        this.dates = dates;
        this.patient = patient;
        this.otherVisits = patientVisits.stream().filter(v -> !v.id().equals(visit.id())).toList();
        this.dialogs = dialogs;
        this.version = version;
        load(visit);
        loadAmendments();
        for (Observable o : observables()) {
            o.addListener(x -> changed());
        }
        recompute();
    }

    private List<Observable> observables() {
        List<Observable> all = new ArrayList<>(List.of(date, kind, chosenStage, stageReason, notes));
        sections.forEach(section -> all.addAll(section.observables()));
        return all;
    }

    /** Fills the form from a stored visit. */
    private void load(Visit v) {
        loading = true;
        try {
            base = v;
            lastValidDate = v.date();
            confirmedDate = v.date();
            date.set(dates.format(v.date()));
            kind.set(v.kind());
            status.set(v.status());
            sections.forEach(section -> section.load(v));
            carryActivities(v);
            chosenStage.set(v.stage());
            stageReason.set(v.stageReason() == null ? "" : v.stageReason());
            notes.set(v.notes() == null ? "" : v.notes());
            savedAt.set(v.updated());
        } finally {
            loading = false;
        }
    }

    /** A follow-up being typed starts with the PSFS activities of her previous visit, to be scored again. */
    private void carryActivities(Visit v) {
        Visit previous = ReadinessRules.previousOf(v, otherVisits);
        if (v.status() == VisitStatus.DRAFT && v.kind() == VisitKind.FOLLOW_UP && previous != null) {
            outcomes.carry(v.outcomes().activitiesToCarry(previous.outcomes()));
        }
    }

    private void loadAmendments() {
        UUID id = base.id();
        BackgroundTask.wrap(() -> service.amendments(id))
                .onSuccess(amendments::setAll)
                .onFailure(failure -> Failures.log(Messages.get("action.openVisit"), failure))
                .executeWith(tasks);
    }

    /** Changes made after the visit was completed, oldest first. */
    public ObservableList<Amendment> amendments() {
        return amendments;
    }

    private void changed() {
        if (loading) {
            return;
        }
        recompute();
        if (!readOnly.get()) {
            // a completed visit not being amended is never saved (its fields are disabled on screen)
            debounce.restart();
        }
    }

    /**
     * Errors and readiness for what is on screen now. What the text fields cannot hold (a date or a number
     * that is not one) the inputs say; every rule of the visit itself is the validator's
     * ({@link VisitValidator} and {@link StageChoice#check}), shown where it points.
     */
    private void recompute() {
        Map<String, String> found = new LinkedHashMap<>();
        LocalDate typedDate = null;
        try {
            typedDate = dates.parse(date.get()).orElse(null);
            if (typedDate == null) {
                found.put("date", Messages.get("validation.visit.dateRequired"));
            }
        } catch (DateTimeParseException e) {
            found.put("date", Messages.format("validation.date.format", dates.hint(),
                    dates.format(LocalDate.of(2026, 1, 31))));
        }
        List<String> notCounted = new ArrayList<>();
        if (found.containsKey("date")) {
            notCounted.add(VisitFields.label("date"));
        }
        for (NumberInput input : numberInputs()) {
            String error = input.error();
            if (error != null) {
                found.put(input.path(), error);
                notCounted.add(VisitFields.label(input.path()));
            }
        }
        Visit typed = assemble(typedDate == null ? lastValidDate : typedDate, true);
        List<Violation> problems = VisitValidator.validate(typed, service.today(), patient.dateOfBirth());
        Map<String, String> dateWarnings = new LinkedHashMap<>();
        if (typedDate != null && problems.stream().noneMatch(v -> v.field().equals("date"))) {
            lastValidDate = typedDate;
            for (Violation warning : VisitValidator.dateWarnings(typed, patient.births(),
                    otherVisits.stream().map(Visit::date).toList())) {
                dateWarnings.merge(warning.field(), warning.message(), (a, b) -> a + " " + b);
            }
        } else {
            // a date refused (or not one) keeps the date she last confirmed, not one it passed on the way as she
            // typed (typing 23/11/2026 passes 23/11/20, a valid date in 2020), even if a pause saved that one
            lastValidDate = confirmedDate;
        }
        Visit current = build();
        ReadinessSummary summary = ReadinessRules.evaluate(current, patient.births(),
                ReadinessRules.previousOf(current, otherVisits));
        // as if newly chosen: while she types, a reason the stage needs shows as missing
        List<Violation> all = new ArrayList<>(problems);
        all.addAll(StageChoice.check(typed, null, summary));
        for (Violation problem : all) {
            found.putIfAbsent(outcomes.onScreen(problem.field()), shown(problem));
        }
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        errorOrder.clear();
        errorOrder.addAll(found.keySet());
        warnings.keySet().retainAll(dateWarnings.keySet());
        warnings.putAll(dateWarnings);
        if (!uncounted.equals(notCounted)) {
            uncounted.setAll(notCounted);
        }
        readiness.set(summary);
    }

    /** A text too long is kept on screen, so the form says how long it is now. */
    private static String shown(Violation problem) {
        return problem.messageKey().equals("validation.tooLong")
                ? Messages.format("validation.tooLongNow", problem.arguments().toArray())
                : problem.message();
    }


    static String loadPath(LoadTest test, int slot) {
        if (!test.oneSided()) {
            return "loadImpact." + test.name();
        }
        return "loadImpact." + test.name() + "." + (slot == 0 ? "left" : "right");
    }

    List<NumberInput> numberInputs() {
        List<NumberInput> all = new ArrayList<>();
        sections.forEach(section -> all.addAll(section.numberInputs()));
        return all;
    }

    /** The visit as on screen; anything invalid is left out (its text stays on screen). */
    public Visit build() {
        return keepingNeededReason(assemble(lastValidDate, false));
    }

    /**
     * The visit on {@code visitDate} from the form: as typed (a load test that passed with symptoms, a text too
     * long) for the validator, or as it can be saved (those left out, the text saved before kept).
     */
    private Visit assemble(LocalDate visitDate, boolean asTyped) {
        Visit.Builder visit = base.toBuilder().date(visitDate).status(status.get()).kind(kind.get());
        sections.forEach(section -> section.applyTo(visit, base, asTyped));
        return visit.stage(chosenStage.get(), asTyped ? VisitSection.blankToNull(stageReason.get())
                        : VisitSection.savable(stageReason.get(), base.stageReason(), StageChoice.REASON_MAX_LENGTH))
                .notes(asTyped ? VisitSection.blankToNull(notes.get())
                        : VisitSection.savable(notes.get(), base.notes(), Measures.NOTES_MAX_LENGTH))
                .build();
    }

    /**
     * While the reason for a stage that needs one is emptied on screen, the saved reason stays saved
     * (the field shows what is missing); a choice is never saved without the reason it needs.
     */
    private Visit keepingNeededReason(Visit visit) {
        if (visit.stageReason() != null || visit.stage() == null || base.stageReason() == null
                || visit.stage() != base.stage()) {
            return visit;
        }
        boolean needed = StageChoice.reasonNeeded(visit.stage(),
                ReadinessRules.evaluate(visit, patient.births(), null)).isPresent();
        return needed ? visit.withStage(visit.stage(), base.stageReason()) : visit;
    }

    /** A stage ahead of the suggestion, put to the clinician before it is chosen. */
    public record StageAhead(Stage stage, SuggestedStage suggested, String suggestionReason, String reasonNeeded) {

        /** Whether she must type a reason to choose it (impact work before 12 weeks, red flags not asked). */
        public boolean needsReason() {
            return reasonNeeded != null;
        }
    }

    /** Asks the clinician to confirm a stage ahead of the suggestion. */
    @FunctionalInterface
    public interface StageQuestion {
        /** The reason she typed (blank when she gave none), or empty when she keeps the stage she had. */
        Optional<String> confirm(StageAhead ahead);
    }

    /**
     * Chooses the stage to issue (null: follow the suggestion). A stage ahead of the suggestion is put to
     * her first, with why the suggestion is lower, once; one that needs a reason is refused without one.
     *
     * @return false when the choice was not made (she kept the stage she had)
     */
    public boolean choose(Stage stage, StageQuestion question) {
        if (stage == chosenStage.get()) {
            return true;
        }
        ReadinessSummary summary = readiness.get();
        if (summary != null && StageChoice.ahead(stage, summary)) {
            Optional<String> needed = StageChoice.reasonNeeded(stage, summary);
            Optional<String> answer = question.confirm(new StageAhead(stage, summary.suggestedStage(),
                    summary.reason(), needed.orElse(null)));
            if (answer.isEmpty() || needed.isPresent() && answer.get().isBlank()) {
                return false;
            }
            stageReason.set(answer.get().strip());
        } else {
            // the reason belonged to the choice it explained
            stageReason.set("");
        }
        chosenStage.set(stage);
        return true;
    }


    /** She leaves the date field: a valid date becomes the one a date refused later keeps. */
    public void confirmDate() {
        if (!errors.containsKey("date")) {
            confirmedDate = lastValidDate;
        }
    }

    /** Saves at once (e.g. when the clinician leaves the form or closes the window). */
    public void flush() {
        if (debounce.pending()) {
            debounce.stop();
            saveNow();
        }
    }

    /**
     * Queues a save of the form as it is now. The worker runs saves in order, so a save queued while
     * another runs simply follows it; nothing waits for a callback (which would never come once the
     * program is closing).
     */
    private void saveNow() {
        if (readOnly.get()) {
            return;
        }
        if (conflictPending) {
            // she has not chosen yet between hers and the other workstation's: nothing is written over theirs
            return;
        }
        if (saving) {
            // one save at a time, each from the version the one before left (else her own save would read as
            // another workstation's); the form is saved as it is then, once the save under way ends
            changedWhileWaiting = true;
            if (notSavedOffline) {
                saveState.set(Messages.get("visit.notSaved.offline"));
            }
            return;
        }
        Visit visit = build();
        String reason = amendReason.get();
        long from = version;
        saving = true;
        saveState.set(Messages.get("visit.saving"));
        BackgroundTask.wrap(() -> savedOnWorker(service.save(visit, startFrom(from), amendmentSession, reason)))
                .onSuccess(saved -> {
                    notSavedOffline = false;
                    base = saved.visit();
                    version = saved.version();
                    savedAt.set(saved.at());
                    saveState.set(savedText(saved.at()));
                    if (status.get() == VisitStatus.COMPLETE) {
                        loadAmendments();
                    }
                })
                .onError(ChangedElsewhereException.class, this::changedElsewhere)
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        for (Violation v : invalid.violations()) {
                            errors.put(v.field(), v.message());
                            if (!errorOrder.contains(v.field())) {
                                errorOrder.add(v.field());
                            }
                        }
                        saveState.set(Messages.get("visit.notSaved.invalid"));
                    } else if (ServerLink.lost(failure)) {
                        // not a failure to report in a dialog: the window's server line says so, the form keeps it
                        notSavedOffline = true;
                        Failures.log(Messages.get("action.saveVisit"), failure);
                        saveState.set(Messages.get("visit.notSaved.offline"));
                    } else {
                        String action = Messages.get("action.saveVisit");
                        Failures.log(action, failure);
                        saveState.set(Messages.get("visit.notSaved.failed"));
                        dialogs.error(Failures.describe(action, failure));
                    }
                })
                .onFinished(() -> {
                    saving = false;
                    if (changedWhileWaiting) {
                        changedWhileWaiting = false;
                        if (!notSavedOffline && !conflictPending) {
                            saveNow();
                        }
                    }
                })
                .executeWith(tasks);
    }

    private long startFrom(long seen) {
        return Math.max(seen, ownSave.get());
    }

    private VisitService.Saved savedOnWorker(VisitService.Saved saved) {
        ownSave.accumulateAndGet(saved.version(), Math::max);
        return saved;
    }

    /**
     * The clinic's server answers again: what was typed while it could not be reached is saved now (nothing
     * when every save went through).
     */
    public void saveWhatWasNotSaved() {
        if (notSavedOffline && saving) {
            changedWhileWaiting = true;
        } else if (notSavedOffline) {
            saveNow();
        }
    }

    /** Whether what is typed waits for the clinic's server to answer before it is saved. */
    public boolean notSavedOffline() {
        return notSavedOffline;
    }

    /**
     * Her save was refused: another workstation saved this visit since the version this form started from.
     * Nothing was written; her values stay in the form, and she is shown both versions to choose.
     */
    private void changedElsewhere(ChangedElsewhereException refused) {
        String who = ChangedElsewhere.describe(refused);
        conflictHeader = who;
        // the header has room for a few words; the notice above the form says who and when
        saveState.set(Messages.get("conflict.notSavedShort"));
        if (refused.removed()) {
            conflictPending = true;
            elsewhere.set(who);
            dialogs.error(who);
            return;
        }
        compare(who);
    }

    /**
     * Another workstation changed this visit (its notice arrived while the form is open): the form says so,
     * and never replaces what she is typing; {@link #resolveConflict()} shows both versions. Nothing to say
     * when the stored visit is the one this form saved last.
     */
    public void changedOnAnotherWorkstation() {
        UUID id = base.id();
        long known = version;
        BackgroundTask.wrap(() -> service.storedVersion(id))
                .onSuccess(stored -> {
                    if (stored != known && known == version && elsewhere.get().isEmpty()) {
                        elsewhere.set(Messages.get("visit.changedElsewhere"));
                    }
                })
                .onFailure(failure -> Failures.log(Messages.get("action.saveVisit"), failure))
                .executeWith(tasks);
    }

    /** Shows her values beside the other workstation's (after a refused save, or the notice) for her to choose. */
    public void resolveConflict() {
        compare(conflictHeader != null ? conflictHeader : Messages.get("conflict.changed"));
    }

    private void compare(String header) {
        Visit mine = build();
        debounce.stop();
        BackgroundTask.wrap(() -> service.conflictWith(mine))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        conflictPending = true;
                        elsewhere.set(Messages.get("conflict.removed"));
                        saveState.set(Messages.get("conflict.notSavedShort"));
                        return;
                    }
                    VisitService.Conflict conflict = found.get();
                    if (conflict.differences().isEmpty()) {
                        // what she has is what the other workstation saved: go on from its version
                        adopt(conflict, false);
                        return;
                    }
                    List<Conflict.Row> rows = conflict.differences().stream()
                            .map(d -> new Conflict.Row(d.label(), d.yours(), d.theirs())).toList();
                    Conflict.Choice choice = dialogs.resolve(new Conflict(header, rows));
                    switch (choice) {
                        case KEEP_MINE -> {
                            adopt(conflict, false);
                            if (!keptOverCompleted) {
                                saveNow();
                            }
                        }
                        case TAKE_THEIRS -> adopt(conflict, true);
                        case LATER -> {
                            conflictPending = true;
                            elsewhere.set(conflictHeader != null ? Messages.format("conflict.notSaved", conflictHeader)
                                    : Messages.get("visit.changedElsewhere"));
                        }
                    }
                })
                .onFailure(failure -> dialogs.report("action.saveVisit", failure))
                .executeWith(tasks);
    }

    /** Goes on from the version stored now: with her values ({@code theirs} false), or with the stored visit. */
    private void adopt(VisitService.Conflict conflict, boolean theirs) {
        conflictPending = false;
        conflictHeader = null;
        keptOverCompleted = false;
        elsewhere.set("");
        version = conflict.theirs().version();
        Visit stored = conflict.theirs().value();
        if (!theirs && stored.status() == VisitStatus.COMPLETE && amendReason.get() == null) {
            // completed on another workstation meanwhile: it is part of the record now, changed only as an
            // amendment with its reason. Hers stay on screen (read-only) until she chooses Amend… and says why
            base = stored;
            keptOverCompleted = true;
            status.set(VisitStatus.COMPLETE);
            elsewhere.set(Messages.get("conflict.completedElsewhere"));
            saveState.set(Messages.get("conflict.notSavedShort"));
            loadAmendments();
        } else if (theirs) {
            load(stored);
            recompute();
            saveState.set(savedText(stored.updated()));
            loadAmendments();
        } else {
            // her values over theirs: what the form does not show (its clinician, its extensions) is theirs
            base = stored.toBuilder().status(status.get()).build();
            saveState.set("");
        }
    }

    /** Whether a save was refused and she has not chosen yet between hers and the other workstation's. */
    public boolean conflictPending() {
        return conflictPending;
    }

    /**
     * Whether her values stay on screen, not saved, over a visit completed on another workstation: she kept
     * hers, and they are saved once she chooses Amend… and gives the reason.
     */
    public boolean keptOverCompleted() {
        return keptOverCompleted;
    }

    /**
     * Whether what is on screen is hers and not saved because another workstation saved this visit first:
     * she has not chosen yet (Decide later), or kept hers over a visit completed there and not amended yet.
     */
    public boolean unsavedOverAnotherSave() {
        return conflictPending || keptOverCompleted;
    }

    /** What the form says of another workstation's save of this visit (a notice above the form); empty if none. */
    public ReadOnlyStringProperty elsewhereProperty() {
        return elsewhere.getReadOnlyProperty();
    }

    private String savedText(Instant at) {
        String time = TIME.format(at.atZone(ZoneId.systemDefault()));
        return Messages.format(status.get() == VisitStatus.COMPLETE ? "visit.savedAmendment" : "visit.savedDraft",
                time);
    }

    /** What completing a visit asks the clinician. */
    public interface CompletionQuestions {

        /** The form has invalid fields ({@code paths}, in the order of the form): say which, focus the first. */
        void refuse(List<String> paths);

        /** Parts of the assessment are not recorded ({@code missing}, in the order of the form): complete anyway? */
        boolean completeWithout(List<VisitValidator.Unrecorded> missing);
    }

    /** The fields in error now, in the order of the form (the visit first, the stage last). */
    public List<String> invalidFields() {
        List<String> paths = new ArrayList<>(errorOrder);
        paths.retainAll(errors.keySet());
        errors.keySet().stream().filter(path -> !paths.contains(path)).sorted().forEach(paths::add);
        paths.sort(Comparator.comparingInt(VisitFormViewModel::formRank));
        return paths;
    }

    private static final List<String> FORM_ORDER = List.of("date", "kind", "clinician", "history", "symptoms",
            "redFlags", "pelvicFloor", "abdominalWall", "strength", "loadImpact", "outcomes", "notes", "stage",
            "stageReason");

    private static int formRank(String path) {
        int rank = FORM_ORDER.indexOf(path.split("\\.")[0]);
        return rank < 0 ? FORM_ORDER.size() : rank;
    }

    /**
     * Completes the visit: refused (naming the invalid fields) while any field is invalid; asked once when
     * the red flags, the symptoms or the pelvic floor are not recorded; then marked complete and saved, after
     * which it is read-only until amended.
     */
    public void complete(CompletionQuestions questions, Runnable onDone) {
        if (status.get() != VisitStatus.DRAFT) {
            return;
        }
        List<String> invalid = invalidFields();
        if (!invalid.isEmpty()) {
            questions.refuse(invalid);
            return;
        }
        List<VisitValidator.Unrecorded> missing = VisitValidator.unrecorded(build());
        if (!missing.isEmpty() && !questions.completeWithout(missing)) {
            return;
        }
        complete(onDone);
    }

    private void complete(Runnable onDone) {
        debounce.stop();
        status.set(VisitStatus.COMPLETE);
        Visit visit = build();
        long from = version;
        saving = true;
        BackgroundTask.wrap(() -> savedOnWorker(service.complete(visit, startFrom(from))))
                .onSuccess(saved -> {
                    base = saved.visit();
                    version = saved.version();
                    savedAt.set(saved.at());
                    saveState.set(Messages.format("visit.completedAt",
                            TIME.format(saved.at().atZone(ZoneId.systemDefault()))));
                    onDone.run();
                })
                .onError(ChangedElsewhereException.class, refused -> {
                    status.set(VisitStatus.DRAFT);
                    changedElsewhere(refused);
                })
                .onFailure(failure -> {
                    status.set(VisitStatus.DRAFT);
                    String action = Messages.get("action.completeVisit");
                    Failures.log(action, failure);
                    dialogs.error(failure instanceof ValidationException
                            ? Messages.get("visit.cannotComplete") : Failures.describe(action, failure));
                })
                .onFinished(() -> saving = false)
                .executeWith(tasks);
    }

    /**
     * Opens a completed visit for changes, for {@code reason}: every change from now on is an amendment
     * kept with it. Refused (the message says why) without a reason or with one too long.
     *
     * @return what is wrong with the reason; empty when the visit is open for amending
     */
    public Optional<String> amend(String reason) {
        Optional<Violation> problem = Amendment.checkReason(reason);
        if (problem.isPresent()) {
            return problem.map(Violation::message);
        }
        if (status.get() == VisitStatus.COMPLETE) {
            amendReason.set(TextNormalization.clean(reason));
            if (keptOverCompleted) {
                // her values kept over a visit completed elsewhere: saved now, as this amendment
                keptOverCompleted = false;
                elsewhere.set("");
                saveNow();
            }
        }
        return Optional.empty();
    }

    /** Whether the form can be changed: not while it is a completed visit not being amended. */
    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** Why she is amending the visit; null until she chose Amend. */
    public ReadOnlyStringProperty amendReasonProperty() {
        return amendReason.getReadOnlyProperty();
    }

    /** What is odd about a field but may be right (a visit on the day of another), by field. */
    public ObservableMap<String, String> warnings() {
        return warnings;
    }

    /** The labels of the fields whose text is invalid: the summary counts their value last confirmed. */
    public ObservableList<String> uncounted() {
        return uncounted;
    }

    /** Sets every symptom flag to "No" (asked and absent), a common quick entry. */
    public void noSymptoms() {
        symptoms.none();
    }

    /** Red flags asked, none present. */
    public void noRedFlags() {
        redFlags.none();
    }

    public Visit base() {
        return base;
    }

    public Patient patient() {
        return patient;
    }

    public String dateHint() {
        return dates.hint();
    }

    // accessors for the view
    public StringProperty dateProperty() { return date; }
    public ObjectProperty<VisitKind> kindProperty() { return kind; }
    public ReadOnlyObjectProperty<VisitStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ObjectProperty<Boolean> breastfeedingProperty() { return history.breastfeeding; }
    public NumberInput sleepHours() { return history.sleepHours; }
    public NumberInput bmi() { return history.bmi; }
    public ObjectProperty<Boolean> hypermobilityProperty() { return history.hypermobility; }
    public ObjectProperty<Boolean> psychologicalConcernProperty() { return history.psychologicalConcern; }
    public ObjectProperty<Boolean> redsConcernProperty() { return history.redsConcern; }
    public ObjectProperty<Boolean> leakedBeforeProperty() { return history.leakedBefore; }
    public ObjectProperty<SupportDevice> supportDeviceProperty() { return history.supportDevice; }
    public List<ObjectProperty<Boolean>> symptomFlags() { return symptoms.flags; }
    public NumberInput painNrs() { return symptoms.painNrs; }
    public NumberInput runOnset() { return symptoms.runOnset; }
    public BooleanProperty redFlagsAskedProperty() { return redFlags.asked; }
    public BooleanProperty redFlag(RedFlag flag) { return redFlags.flags.get(flag); }

    /**
     * Whether any red flag is ticked. While one is, "asked" stays ticked: a red flag is cleared only by
     * unticking the flag itself (clinical reference §7), never dropped by unticking "asked".
     */
    public BooleanBinding anyRedFlag() { return redFlags.anyPresent; }
    public ObjectProperty<ExamMethod> methodProperty() { return pelvicFloor.method; }
    public NumberInput power() { return pelvicFloor.power; }
    public NumberInput endurance() { return pelvicFloor.endurance; }
    public NumberInput repetitions() { return pelvicFloor.repetitions; }
    public NumberInput fast() { return pelvicFloor.fast; }
    public ObjectProperty<Boolean> elevationProperty() { return pelvicFloor.elevation; }
    public ObjectProperty<Boolean> coContractionProperty() { return pelvicFloor.coContraction; }
    public ObjectProperty<Boolean> knackProperty() { return pelvicFloor.knack; }
    public ObjectProperty<Relaxation> relaxationProperty() { return pelvicFloor.relaxation; }
    public ObjectProperty<Tone> toneProperty() { return pelvicFloor.tone; }
    public NumberInput standingHold() { return pelvicFloor.standingHold; }
    public StringProperty floorNotesProperty() { return pelvicFloor.notes; }
    public ObjectProperty<AbdominalMethod> abdominalMethodProperty() { return abdominalWall.method; }
    public ObjectProperty<IrdUnit> irdUnitProperty() { return abdominalWall.unit; }
    public NumberInput above() { return abdominalWall.above; }
    public NumberInput at() { return abdominalWall.at; }
    public NumberInput below() { return abdominalWall.below; }
    public ObjectProperty<Boolean> domingProperty() { return abdominalWall.doming; }
    public ObjectProperty<LineaAlba> lineaAlbaProperty() { return abdominalWall.lineaAlba; }
    public NumberInput strength(StrengthTest test, Side side) { return strength.input(test, side); }
    public LoadInput[] load(LoadTest test) { return load.inputs(test); }
    public StringProperty psfsActivity(int i) { return outcomes.activities.get(i); }
    public NumberInput psfsScore(int i) { return outcomes.scores.get(i); }
    public NumberInput iciq() { return outcomes.iciq; }
    public NumberInput pgiI() { return outcomes.pgiI; }
    public ObjectProperty<Stage> chosenStageProperty() { return chosenStage; }
    public StringProperty stageReasonProperty() { return stageReason; }
    public StringProperty notesProperty() { return notes; }
    public ObservableMap<String, String> errors() { return errors; }
    public ReadOnlyObjectProperty<ReadinessSummary> readinessProperty() { return readiness.getReadOnlyProperty(); }
    public ReadOnlyStringProperty saveStateProperty() { return saveState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instant> savedAtProperty() { return savedAt.getReadOnlyProperty(); }

    /** The PSFS mean of what is on screen, for the form. */
    public String psfsMean() {
        return build().outcomes().psfsMean().map(BigDecimal::toPlainString).orElse("");
    }
}
