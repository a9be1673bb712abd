package app.rebound.ui.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StageChoice;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;
import app.rebound.service.VisitService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.DateInput;
import app.rebound.ui.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * The visit form. Every change is checked at once (a value out of range keeps its text and shows
 * why), the readiness summary follows the form live, and the visit is saved as a draft in the
 * background shortly after the typing stops. A completed visit can still be changed; each sitting
 * of changes is recorded as one amendment.
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
    private final Consumer<String> errorReporter;
    private final UUID amendmentSession = UUID.randomUUID();

    private Visit base;
    private LocalDate lastValidDate;
    private boolean loading;
    private boolean saving;
    private final TaskRunner.Delay debounce;

    // header
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<VisitKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ReadOnlyObjectWrapper<VisitStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            VisitStatus.DRAFT);
    // history
    private final ObjectProperty<Boolean> breastfeeding = yesNo("breastfeeding");
    private final NumberInput sleepHours = NumberInput.decimal("history.sleepHours", Measures.SLEEP_HOURS);
    private final NumberInput bmi = NumberInput.decimal("history.bmi", Measures.BMI);
    private final ObjectProperty<Boolean> hypermobility = yesNo("hypermobility");
    private final ObjectProperty<Boolean> psychologicalConcern = yesNo("psychologicalConcern");
    private final ObjectProperty<Boolean> redsConcern = yesNo("redsConcern");
    private final ObjectProperty<Boolean> leakedBefore = yesNo("leakedBeforeOrDuringPregnancy");
    private final ObjectProperty<SupportDevice> supportDevice = new SimpleObjectProperty<>(this, "supportDevice");
    // symptoms
    private final List<ObjectProperty<Boolean>> symptomFlags = new ArrayList<>();
    private final NumberInput painNrs = NumberInput.whole("symptoms.painNrs", Measures.PAIN_NRS);
    private final NumberInput runOnset = NumberInput.whole("symptoms.runSymptomOnsetMinutes",
            Measures.RUN_SYMPTOM_ONSET_MINUTES);
    // red flags
    private final BooleanProperty redFlagsAsked = new SimpleBooleanProperty(this, "redFlagsAsked", false);
    private final Map<RedFlag, BooleanProperty> redFlags = new EnumMap<>(RedFlag.class);
    private final javafx.beans.binding.BooleanBinding anyRedFlag;
    // pelvic floor
    private final ObjectProperty<ExamMethod> method = new SimpleObjectProperty<>(this, "method");
    private final NumberInput power = NumberInput.whole("pelvicFloor.power", Measures.POWER);
    private final NumberInput endurance = NumberInput.whole("pelvicFloor.enduranceSeconds", Measures.ENDURANCE_SECONDS);
    private final NumberInput repetitions = NumberInput.whole("pelvicFloor.repetitions", Measures.REPETITIONS);
    private final NumberInput fast = NumberInput.whole("pelvicFloor.fastContractions", Measures.FAST_CONTRACTIONS);
    private final ObjectProperty<Boolean> elevation = yesNo("elevation");
    private final ObjectProperty<Boolean> coContraction = yesNo("coContraction");
    private final ObjectProperty<Boolean> knack = yesNo("coughPrecontraction");
    private final ObjectProperty<Relaxation> relaxation = new SimpleObjectProperty<>(this, "relaxation");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(this, "tone");
    private final NumberInput standingHold = NumberInput.whole("pelvicFloor.standingSubmaxHoldSeconds",
            Measures.STANDING_SUBMAX_HOLD_SECONDS);
    private final StringProperty floorNotes = new SimpleStringProperty(this, "floorNotes", "");
    // abdominal wall
    private final ObjectProperty<AbdominalMethod> abdominalMethod = new SimpleObjectProperty<>(this, "abdominalMethod");
    private final ObjectProperty<IrdUnit> irdUnit = new SimpleObjectProperty<>(this, "irdUnit");
    private final NumberInput above = NumberInput.decimal("abdominalWall.aboveUmbilicus", Measures.IRD_FINGER_WIDTHS);
    private final NumberInput at = NumberInput.decimal("abdominalWall.atUmbilicus", Measures.IRD_FINGER_WIDTHS);
    private final NumberInput below = NumberInput.decimal("abdominalWall.belowUmbilicus", Measures.IRD_FINGER_WIDTHS);
    private final ObjectProperty<Boolean> doming = yesNo("doming");
    private final ObjectProperty<LineaAlba> lineaAlba = new SimpleObjectProperty<>(this, "lineaAlba");
    // strength and load
    private final Map<StrengthTest, NumberInput[]> strength = new EnumMap<>(StrengthTest.class);
    private final Map<LoadTest, LoadInput[]> load = new EnumMap<>(LoadTest.class);
    // outcomes
    private final List<StringProperty> psfsActivities = new ArrayList<>();
    private final List<NumberInput> psfsScores = new ArrayList<>();
    private final NumberInput iciq = NumberInput.whole("outcomes.iciqUiSfScore", Measures.ICIQ_UI_SF);
    private final NumberInput pgiI = NumberInput.whole("outcomes.pgiI", Measures.PGI_I);
    // stage and notes
    private final ObjectProperty<Stage> chosenStage = new SimpleObjectProperty<>(this, "chosenStage");
    private final StringProperty stageReason = new SimpleStringProperty(this, "stageReason", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final javafx.collections.ObservableList<app.rebound.domain.visit.Amendment> amendments =
            FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ReadinessSummary> readiness = new ReadOnlyObjectWrapper<>(this, "readiness");
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper(this, "saveState", "");
    private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>(this, "savedAt");

    public VisitFormViewModel(VisitService service, TaskRunner tasks, DateInput dates, Patient patient,
            List<Visit> patientVisits, Visit visit, Consumer<String> errorReporter) {
        this.service = service;
        this.tasks = tasks;
        this.debounce = tasks.delay(SAVE_DELAY, this::saveNow);
        this.dates = dates;
        this.patient = patient;
        this.otherVisits = patientVisits.stream().filter(v -> !v.id().equals(visit.id())).toList();
        this.errorReporter = errorReporter;
        for (int i = 0; i < 8; i++) {
            symptomFlags.add(yesNo("symptom" + i));
        }
        for (RedFlag flag : RedFlag.values()) {
            BooleanProperty present = new SimpleBooleanProperty(this, flag.name(), false);
            present.addListener((obs, was, now) -> {
                if (now) {
                    redFlagsAsked.set(true);
                }
            });
            redFlags.put(flag, present);
        }
        anyRedFlag = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> redFlags.values().stream().anyMatch(BooleanProperty::get),
                redFlags.values().toArray(javafx.beans.Observable[]::new));
        redFlagsAsked.addListener((obs, was, now) -> {
            if (!now && anyRedFlag.get()) {
                redFlagsAsked.set(true);
            }
        });
        for (StrengthTest test : StrengthTest.values()) {
            strength.put(test, new NumberInput[] {
                NumberInput.whole("strength." + test.name() + ".left", Measures.STRENGTH_REPETITIONS),
                NumberInput.whole("strength." + test.name() + ".right", Measures.STRENGTH_REPETITIONS)});
        }
        for (LoadTest test : LoadTest.values()) {
            load.put(test, test.oneSided() ? new LoadInput[] {new LoadInput(), new LoadInput()}
                    : new LoadInput[] {new LoadInput()});
        }
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            psfsActivities.add(new SimpleStringProperty(this, "psfsActivity" + i, ""));
            psfsScores.add(NumberInput.whole("outcomes.psfs[" + i + "].score", Measures.PSFS_SCORE));
        }
        irdUnit.addListener((obs, old, unit) -> {
            for (NumberInput distance : List.of(above, at, below)) {
                distance.setDecimalRange(Measures.ird(unit));
            }
        });
        load(visit);
        loadAmendments();
        for (Observable o : observables()) {
            o.addListener(x -> changed());
        }
        recompute();
    }

    private ObjectProperty<Boolean> yesNo(String name) {
        return new SimpleObjectProperty<>(this, name);
    }

    private List<Observable> observables() {
        List<Observable> all = new ArrayList<>(List.of(date, kind, breastfeeding, sleepHours.textProperty(),
                bmi.textProperty(), hypermobility, psychologicalConcern, redsConcern, leakedBefore, supportDevice,
                painNrs.textProperty(), runOnset.textProperty(), redFlagsAsked, method, power.textProperty(),
                endurance.textProperty(), repetitions.textProperty(), fast.textProperty(), elevation, coContraction,
                knack, relaxation, tone, standingHold.textProperty(), floorNotes, abdominalMethod, irdUnit,
                above.textProperty(), at.textProperty(), below.textProperty(), doming, lineaAlba,
                iciq.textProperty(), pgiI.textProperty(), chosenStage, stageReason, notes));
        all.addAll(symptomFlags);
        all.addAll(redFlags.values());
        strength.values().forEach(pair -> {
            all.add(pair[0].textProperty());
            all.add(pair[1].textProperty());
        });
        load.values().forEach(inputs -> {
            for (LoadInput input : inputs) {
                all.add(input.statusProperty());
                input.allSymptoms().forEach(all::add);
            }
        });
        all.addAll(psfsActivities);
        psfsScores.forEach(s -> all.add(s.textProperty()));
        return all;
    }

    /** Fills the form from a stored visit. */
    private void load(Visit v) {
        loading = true;
        try {
            base = v;
            lastValidDate = v.date();
            date.set(dates.format(v.date()));
            kind.set(v.kind());
            status.set(v.status());
            History h = v.history();
            breastfeeding.set(h.breastfeeding());
            sleepHours.set(h.sleepHours());
            bmi.set(h.bmi());
            hypermobility.set(h.hypermobility());
            psychologicalConcern.set(h.psychologicalConcern());
            redsConcern.set(h.redsConcern());
            leakedBefore.set(h.leakedBeforeOrDuringPregnancy());
            supportDevice.set(h.supportDevice());
            List<Boolean> flags = v.symptoms().flags();
            for (int i = 0; i < flags.size(); i++) {
                symptomFlags.get(i).set(flags.get(i));
            }
            painNrs.set(v.symptoms().painNrs());
            runOnset.set(v.symptoms().runSymptomOnsetMinutes());
            redFlags.forEach((flag, present) -> present.set(v.redFlags() != null && v.redFlags().contains(flag)));
            redFlagsAsked.set(v.redFlags() != null);
            PelvicFloorExam f = v.pelvicFloor();
            method.set(f.method());
            power.set(f.power());
            endurance.set(f.enduranceSeconds());
            repetitions.set(f.repetitions());
            fast.set(f.fastContractions());
            elevation.set(f.elevation());
            coContraction.set(f.coContraction());
            knack.set(f.coughPrecontraction());
            relaxation.set(f.relaxation());
            tone.set(f.tone());
            standingHold.set(f.standingSubmaxHoldSeconds());
            floorNotes.set(f.notes() == null ? "" : f.notes());
            AbdominalWall a = v.abdominalWall();
            abdominalMethod.set(a.method());
            irdUnit.set(a.unit());
            above.set(a.aboveUmbilicus());
            at.set(a.atUmbilicus());
            below.set(a.belowUmbilicus());
            doming.set(a.doming());
            lineaAlba.set(a.lineaAlba());
            strength.forEach((test, pair) -> {
                Sides<Integer> sides = v.strength(test);
                pair[0].set(sides.left());
                pair[1].set(sides.right());
            });
            load.forEach((test, inputs) -> {
                LoadEntry entry = v.loadImpact().get(test);
                if (test.oneSided()) {
                    Sides<LoadResult> sides = entry instanceof LoadEntry.PerSide per ? per.sides() : Sides.of(null, null);
                    inputs[0].set(sides.left());
                    inputs[1].set(sides.right());
                } else {
                    inputs[0].set(entry instanceof LoadEntry.Whole whole ? whole.result() : null);
                }
            });
            List<PsfsItem> psfs = v.outcomes().psfs();
            for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
                PsfsItem item = i < psfs.size() ? psfs.get(i) : null;
                psfsActivities.get(i).set(item == null || item.activity() == null ? "" : item.activity());
                psfsScores.get(i).set(item == null ? null : item.score());
            }
            iciq.set(v.outcomes().iciqUiSfScore());
            pgiI.set(v.outcomes().pgiI());
            chosenStage.set(v.stage());
            stageReason.set(v.stageReason() == null ? "" : v.stageReason());
            notes.set(v.notes() == null ? "" : v.notes());
            savedAt.set(v.updated());
        } finally {
            loading = false;
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
    public javafx.collections.ObservableList<app.rebound.domain.visit.Amendment> amendments() {
        return amendments;
    }

    private void changed() {
        if (loading) {
            return;
        }
        recompute();
        debounce.restart();
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
        for (NumberInput input : numberInputs()) {
            String error = input.error();
            if (error != null) {
                found.put(input.path(), error);
            }
        }
        Typed typed = typed(typedDate == null ? lastValidDate : typedDate);
        List<Violation> problems = VisitValidator.validate(typed.visit(), service.today(), patient.dateOfBirth());
        if (typedDate != null && problems.stream().noneMatch(v -> v.field().equals("date"))) {
            lastValidDate = typedDate;
        }
        Visit current = build();
        ReadinessSummary summary = ReadinessRules.evaluate(current, patient.births(),
                ReadinessRules.previousOf(current, otherVisits));
        // as if newly chosen: while she types, a reason the stage needs shows as missing
        List<Violation> all = new ArrayList<>(problems);
        all.addAll(StageChoice.check(typed.visit(), null, summary));
        for (Violation problem : all) {
            found.putIfAbsent(typed.onScreen(problem.field()), shown(problem));
        }
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        readiness.set(summary);
    }

    /** A text too long is kept on screen, so the form says how long it is now. */
    private static String shown(Violation problem) {
        return problem.messageKey().equals("validation.tooLong")
                ? Messages.format("validation.tooLongNow", problem.arguments().toArray())
                : problem.message();
    }

    /**
     * The visit exactly as typed (for the validator), and where its PSFS items stand on screen: the
     * validator counts the items given, the form has a fixed row for each.
     */
    private record Typed(Visit visit, List<Integer> psfsRows) {

        String onScreen(String field) {
            java.util.regex.Matcher item = PSFS_ITEM.matcher(field);
            return item.matches() ? "outcomes.psfs[" + psfsRows.get(Integer.parseInt(item.group(1))) + "]"
                    + item.group(2) : field;
        }
    }

    private static final java.util.regex.Pattern PSFS_ITEM = java.util.regex.Pattern.compile(
            "outcomes\\.psfs\\[(\\d+)](.*)");

    private Typed typed(LocalDate on) {
        Visit saving = assemble(on, true);
        List<PsfsItem> items = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            String activity = blankToNull(psfsActivities.get(i).get());
            boolean scored = !psfsScores.get(i).textProperty().get().isBlank();
            if (activity != null || scored) {
                items.add(new PsfsItem(activity, psfsScores.get(i).intValue()));
                rows.add(i);
            }
        }
        Outcomes o = saving.outcomes();
        Visit visit = new Visit(saving.id(), saving.patientId(), saving.updated(), saving.date(), saving.status(),
                saving.clinician(), saving.kind(), saving.history(), saving.symptoms(), saving.redFlags(),
                saving.pelvicFloor(), saving.abdominalWall(), saving.strength(), saving.loadImpact(),
                new Outcomes(items, o.iciqUiSfScore(), o.pgiI()), saving.stage(), saving.stageReason(),
                saving.notes(), saving.extensions());
        return new Typed(visit, rows);
    }

    /** The text as typed, or while it is too long to save, the text last saved (nothing is lost on screen). */
    private static String savable(String typed, String saved, int max) {
        String text = blankToNull(typed);
        return text != null && text.codePointCount(0, text.length()) > max ? saved : text;
    }

    static String loadPath(LoadTest test, int slot) {
        if (!test.oneSided()) {
            return "loadImpact." + test.name();
        }
        return "loadImpact." + test.name() + "." + (slot == 0 ? "left" : "right");
    }

    private List<NumberInput> numberInputs() {
        List<NumberInput> all = new ArrayList<>(List.of(sleepHours, bmi, painNrs, runOnset, power, endurance,
                repetitions, fast, standingHold, above, at, below, iciq, pgiI));
        strength.values().forEach(pair -> all.addAll(List.of(pair)));
        all.addAll(psfsScores);
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
        History history = new History(breastfeeding.get(), sleepHours.decimalValue(), bmi.decimalValue(),
                hypermobility.get(), psychologicalConcern.get(), redsConcern.get(), leakedBefore.get(),
                supportDevice.get());
        Symptoms symptoms = new Symptoms(symptomFlags.get(0).get(), symptomFlags.get(1).get(),
                symptomFlags.get(2).get(), symptomFlags.get(3).get(), symptomFlags.get(4).get(),
                symptomFlags.get(5).get(), symptomFlags.get(6).get(), symptomFlags.get(7).get(), painNrs.intValue(),
                runOnset.intValue());
        EnumSet<RedFlag> present = EnumSet.noneOf(RedFlag.class);
        redFlags.forEach((flag, on) -> {
            if (on.get()) {
                present.add(flag);
            }
        });
        PelvicFloorExam floor = new PelvicFloorExam(method.get(), power.intValue(), endurance.intValue(),
                repetitions.intValue(), fast.intValue(), elevation.get(), coContraction.get(), knack.get(),
                relaxation.get(), tone.get(), standingHold.intValue(),
                asTyped ? blankToNull(floorNotes.get())
                        : savable(floorNotes.get(), base.pelvicFloor().notes(), Measures.NOTES_MAX_LENGTH));
        AbdominalWall wall = new AbdominalWall(abdominalMethod.get(), irdUnit.get(), above.decimalValue(), at.decimalValue(), below.decimalValue(),
                doming.get(), lineaAlba.get());
        Map<StrengthTest, Sides<Integer>> reps = new EnumMap<>(StrengthTest.class);
        strength.forEach((test, pair) -> {
            Sides<Integer> sides = new Sides<>(pair[0].intValue(), pair[1].intValue());
            if (!sides.isEmpty()) {
                reps.put(test, sides);
            }
        });
        Map<LoadTest, LoadEntry> results = new EnumMap<>(LoadTest.class);
        load.forEach((test, inputs) -> {
            if (test.oneSided()) {
                LoadResult left = inputs[0].contradictory() && !asTyped ? null : inputs[0].value();
                LoadResult right = inputs[1].contradictory() && !asTyped ? null : inputs[1].value();
                if (left != null || right != null) {
                    results.put(test, new LoadEntry.PerSide(new Sides<>(left, right)));
                }
            } else {
                LoadResult result = inputs[0].contradictory() && !asTyped ? null : inputs[0].value();
                if (result != null) {
                    results.put(test, new LoadEntry.Whole(result));
                }
            }
        });
        List<PsfsItem> psfs = new ArrayList<>();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            String activity = blankToNull(psfsActivities.get(i).get());
            if (activity != null && activity.codePointCount(0, activity.length()) > Measures.PSFS_ACTIVITY_MAX_LENGTH) {
                activity = null;
            }
            Integer score = psfsScores.get(i).intValue();
            if (activity != null && score != null) {
                psfs.add(new PsfsItem(activity, score));
            }
        }
        Outcomes outcomes = new Outcomes(psfs, iciq.intValue(), pgiI.intValue());
        return new Visit(base.id(), base.patientId(), base.updated(), visitDate, status.get(),
                base.clinician(), kind.get(), history, symptoms, redFlagsAsked.get() ? present : null, floor, wall,
                reps, results, outcomes, chosenStage.get(),
                asTyped ? blankToNull(stageReason.get())
                        : savable(stageReason.get(), base.stageReason(), StageChoice.REASON_MAX_LENGTH),
                asTyped ? blankToNull(notes.get()) : savable(notes.get(), base.notes(), Measures.NOTES_MAX_LENGTH),
                base.extensions());
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
        java.util.Optional<String> confirm(StageAhead ahead);
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
            java.util.Optional<String> needed = StageChoice.reasonNeeded(stage, summary);
            java.util.Optional<String> answer = question.confirm(new StageAhead(stage, summary.suggestedStage(),
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
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
        Visit visit = build();
        saving = true;
        saveState.set(Messages.get("visit.saving"));
        BackgroundTask.wrap(() -> service.save(visit, amendmentSession))
                .onSuccess(saved -> {
                    base = saved.visit();
                    savedAt.set(saved.at());
                    saveState.set(savedText(saved.at()));
                    if (status.get() == VisitStatus.COMPLETE) {
                        loadAmendments();
                    }
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        for (Violation v : invalid.violations()) {
                            errors.put(v.field(), v.message());
                        }
                        saveState.set(Messages.get("visit.notSaved.invalid"));
                    } else {
                        String action = Messages.get("action.saveVisit");
                        Failures.log(action, failure);
                        saveState.set(Messages.get("visit.notSaved.failed"));
                        errorReporter.accept(Failures.describe(action, failure));
                    }
                })
                .onFinished(() -> saving = false)
                .executeWith(tasks);
    }

    private String savedText(Instant at) {
        String time = TIME.format(at.atZone(ZoneId.systemDefault()));
        return Messages.format(status.get() == VisitStatus.COMPLETE ? "visit.savedAmendment" : "visit.savedDraft",
                time);
    }

    /** Marks the visit complete and saves it; later changes become amendments. */
    public void complete(Runnable onDone) {
        debounce.stop();
        status.set(VisitStatus.COMPLETE);
        Visit visit = build();
        saving = true;
        BackgroundTask.wrap(() -> service.complete(visit))
                .onSuccess(saved -> {
                    base = saved.visit();
                    savedAt.set(saved.at());
                    saveState.set(Messages.format("visit.completedAt",
                            TIME.format(saved.at().atZone(ZoneId.systemDefault()))));
                    onDone.run();
                })
                .onFailure(failure -> {
                    status.set(VisitStatus.DRAFT);
                    String action = Messages.get("action.completeVisit");
                    Failures.log(action, failure);
                    errorReporter.accept(failure instanceof ValidationException
                            ? Messages.get("visit.cannotComplete") : Failures.describe(action, failure));
                })
                .onFinished(() -> saving = false)
                .executeWith(tasks);
    }

    /** Sets every symptom flag to "No" (asked and absent), a common quick entry. */
    public void noSymptoms() {
        symptomFlags.forEach(f -> f.set(false));
    }

    /** Red flags asked, none present. */
    public void noRedFlags() {
        redFlags.values().forEach(p -> p.set(false));
        redFlagsAsked.set(true);
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
    public ObjectProperty<Boolean> breastfeedingProperty() { return breastfeeding; }
    public NumberInput sleepHours() { return sleepHours; }
    public NumberInput bmi() { return bmi; }
    public ObjectProperty<Boolean> hypermobilityProperty() { return hypermobility; }
    public ObjectProperty<Boolean> psychologicalConcernProperty() { return psychologicalConcern; }
    public ObjectProperty<Boolean> redsConcernProperty() { return redsConcern; }
    public ObjectProperty<Boolean> leakedBeforeProperty() { return leakedBefore; }
    public ObjectProperty<SupportDevice> supportDeviceProperty() { return supportDevice; }
    public List<ObjectProperty<Boolean>> symptomFlags() { return symptomFlags; }
    public NumberInput painNrs() { return painNrs; }
    public NumberInput runOnset() { return runOnset; }
    public BooleanProperty redFlagsAskedProperty() { return redFlagsAsked; }
    public BooleanProperty redFlag(RedFlag flag) { return redFlags.get(flag); }

    /**
     * Whether any red flag is ticked. While one is, "asked" stays ticked: a red flag is cleared only by
     * unticking the flag itself (clinical reference §7), never dropped by unticking "asked".
     */
    public javafx.beans.binding.BooleanBinding anyRedFlag() { return anyRedFlag; }
    public ObjectProperty<ExamMethod> methodProperty() { return method; }
    public NumberInput power() { return power; }
    public NumberInput endurance() { return endurance; }
    public NumberInput repetitions() { return repetitions; }
    public NumberInput fast() { return fast; }
    public ObjectProperty<Boolean> elevationProperty() { return elevation; }
    public ObjectProperty<Boolean> coContractionProperty() { return coContraction; }
    public ObjectProperty<Boolean> knackProperty() { return knack; }
    public ObjectProperty<Relaxation> relaxationProperty() { return relaxation; }
    public ObjectProperty<Tone> toneProperty() { return tone; }
    public NumberInput standingHold() { return standingHold; }
    public StringProperty floorNotesProperty() { return floorNotes; }
    public ObjectProperty<AbdominalMethod> abdominalMethodProperty() { return abdominalMethod; }
    public ObjectProperty<IrdUnit> irdUnitProperty() { return irdUnit; }
    public NumberInput above() { return above; }
    public NumberInput at() { return at; }
    public NumberInput below() { return below; }
    public ObjectProperty<Boolean> domingProperty() { return doming; }
    public ObjectProperty<LineaAlba> lineaAlbaProperty() { return lineaAlba; }
    public NumberInput strength(StrengthTest test, Side side) { return strength.get(test)[side == Side.LEFT ? 0 : 1]; }
    public LoadInput[] load(LoadTest test) { return load.get(test); }
    public StringProperty psfsActivity(int i) { return psfsActivities.get(i); }
    public NumberInput psfsScore(int i) { return psfsScores.get(i); }
    public NumberInput iciq() { return iciq; }
    public NumberInput pgiI() { return pgiI; }
    public ObjectProperty<Stage> chosenStageProperty() { return chosenStage; }
    public StringProperty stageReasonProperty() { return stageReason; }
    public StringProperty notesProperty() { return notes; }
    public ObservableMap<String, String> errors() { return errors; }
    public ReadOnlyObjectProperty<ReadinessSummary> readinessProperty() { return readiness.getReadOnlyProperty(); }
    public ReadOnlyStringProperty saveStateProperty() { return saveState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instant> savedAtProperty() { return savedAt.getReadOnlyProperty(); }

    /** The PSFS mean of what is on screen, for the form. */
    public String psfsMean() {
        return build().outcomes().psfsMean().map(java.math.BigDecimal::toPlainString).orElse("");
    }
}
