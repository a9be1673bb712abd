package app.rebound.domain.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;

/**
 * The first programme for a visit, which the clinician then edits (clinical reference §9). The stage
 * picks its base exercises ({@link StageBase}); the visit's findings then change that base, one rule per
 * §9 code, in §9's order: DOWN_TRAIN, PF_FIND, PF_DOSE, PF_DEFAULT, KNACK, STRENGTH, STRENGTH_KEEP,
 * LOAD_FAILED / LOAD_UNTESTED, DRA, WALK_RUN_START. Every exercise carries the codes of the rules that
 * put it there or changed it; an exercise named by two rules appears once, with all their reasons and the
 * larger dose. A visit with a red flag (REFER) gets none.
 */
public final class ProgrammeSuggester {

    private static final Map<Stage, Integer> REVIEW_WEEKS = Map.of(
            Stage.CONNECT, 4, Stage.LOW_LOAD, 4, Stage.BUILD, 4, Stage.IMPACT_PREP, 3, Stage.WALK_RUN, 4,
            Stage.RUN, 6);

    private final Map<String, Exercise> library = new LinkedHashMap<>();

    public ProgrammeSuggester(List<Exercise> library) {
        library.forEach(e -> this.library.putIfAbsent(e.code(), e));
    }

    public static ProgrammeSuggester shipped() {
        return new ProgrammeSuggester(ExerciseLibrary.shipped());
    }

    /**
     * The programme for {@code stage} (the clinician's choice, or the suggestion) from the visit's findings;
     * {@code suggested} is what the readiness rules suggested (kept beside the choice).
     *
     * @param previousWeeklyRunKm her running before pregnancy (the patient's record; null: not recorded)
     * @throws IllegalArgumentException for a REFER visit (no stage, or a red flag recorded)
     */
    public Programme suggest(Stage stage, SuggestedStage suggested, Visit visit, BigDecimal previousWeeklyRunKm) {
        if (stage == null || suggested == SuggestedStage.REFER
                || visit.redFlags() != null && !visit.redFlags().isEmpty()) {
            throw new IllegalArgumentException("A REFER visit gets no programme");
        }
        Findings findings = new Findings(stage, visit, previousWeeklyRunKm);
        ProgrammeDraft draft = new ProgrammeDraft();
        StageBase.codes(stage).forEach(code -> add(draft, code, Reasons.STAGE));
        downTrain(findings, draft);
        findContraction(findings, draft);
        dosedFromPerfect(findings, draft);
        defaultDose(findings, draft);
        knack(findings, draft);
        strength(findings, draft);
        strengthKeep(findings, draft);
        loadTests(findings, draft);
        diastasis(findings, draft);
        List<WalkRunWeek> plan = walkRunStart(findings, draft);
        if (findings.downTrain()) {
            // every exercise she is given is cued without squeezing: those whose words change say why
            for (String code : draft.codes()) {
                exercise(code).filter(DownTrainWording::changes)
                        .ifPresent(e -> draft.update(code, i -> i.withReasons(List.of(Reasons.DOWN_TRAIN))));
            }
        }
        return new Programme(stage, suggested, draft.items(), plan, REVIEW_WEEKS.get(stage));
    }

    // ---------------------------------------------------------------- DOWN_TRAIN

    /** Relaxation and down-training for an overactive floor: these come first, whatever the stage. */
    static final List<String> RELAXATION_FIRST = List.of("pf-relax-breathing", "pf-drop", "child-pose-breathing",
            "knee-hug-breathing");

    /** What asks her to contract: never given to an overactive floor, nor (but breathing) while she finds it. */
    static final List<String> CONTRACTION_WORK = List.of("pf-find", "pf-knack", "tva-activation", "tva-four-point",
            "heel-slide", "pf-long-hold-standing", "breathing-pf");

    private void downTrain(Findings f, ProgrammeDraft draft) {
        if (!f.downTrain()) {
            return;
        }
        draft.removeIf(code -> CONTRACTION_WORK.contains(code) || pelvicFloorTraining(code));
        // two at every stage; at CONNECT all four, as it is her main work
        List<String> first = f.stage() == Stage.CONNECT ? RELAXATION_FIRST : RELAXATION_FIRST.subList(0, 2);
        draft.addFirst(first.stream().flatMap(code -> item(code, Reasons.DOWN_TRAIN).stream()).toList());
    }

    private boolean pelvicFloorTraining(String code) {
        return exercise(code).map(e -> e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS
                || e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK || e.kind() == ExerciseKind.PELVIC_FLOOR_FIND)
                .orElse(false);
    }

    // ---------------------------------------------------------------- PF_FIND, PF_DOSE, PF_DEFAULT

    private void findContraction(Findings f, ProgrammeDraft draft) {
        if (f.downTrain() || !f.findContraction()) {
            return;
        }
        draft.removeIf(code -> (CONTRACTION_WORK.contains(code) && !code.equals("breathing-pf"))
                || pelvicFloorTraining(code));
        draft.addFirst(List.of("pf-find", "breathing-pf").stream()
                .flatMap(code -> item(code, Reasons.PF_FIND).stream()).toList());
    }

    private void dosedFromPerfect(Findings f, ProgrammeDraft draft) {
        if (f.downTrain() || !f.dosedFromPerfect()) {
            return;
        }
        PelvicFloorDose dose = PelvicFloorDose.from(f.floor());
        pelvicFloorWork(f.stage(), draft, Reasons.PF_DOSE, dose.holdSeconds(), dose.holds(), dose.quickSqueezes());
    }

    private void defaultDose(Findings f, ProgrammeDraft draft) {
        if (f.downTrain() || !f.powerNotRecorded()) {
            return;
        }
        int floor = PelvicFloorDose.MIN;
        pelvicFloorWork(f.stage(), draft, Reasons.PF_DEFAULT, floor, floor, floor);
    }

    /** Holds and quick squeezes, lying in CONNECT, sitting in LOW_LOAD and standing from BUILD on. */
    private void pelvicFloorWork(Stage stage, ProgrammeDraft draft, String reason, int hold, int holds, int quick) {
        String position = switch (stage) {
            case CONNECT -> "lying";
            case LOW_LOAD -> "sitting";
            default -> "standing";
        };
        List<ProgrammeItem> work = new ArrayList<>();
        exercise("pf-holds-" + position).ifPresent(e -> work.add(new ProgrammeItem(e.code(),
                new Dose(1, holds, hold, e.defaultDose().timesPerDay(), e.defaultDose().daysPerWeek()), null,
                List.of(reason))));
        exercise("pf-quick-" + position).ifPresent(e -> work.add(new ProgrammeItem(e.code(),
                new Dose(1, quick, 0, e.defaultDose().timesPerDay(), e.defaultDose().daysPerWeek()), null,
                List.of(reason))));
        draft.addFirst(work);
    }

    // ---------------------------------------------------------------- KNACK

    private void knack(Findings f, ProgrammeDraft draft) {
        if (f.downTrain() || !f.knackAbsent()) {
            return;
        }
        item("pf-knack", Reasons.KNACK).ifPresent(draft::add);
    }

    // ---------------------------------------------------------------- STRENGTH:TEST:SIDE

    /** Each strength test's exercises: the two-leg version (under 10) and the single-leg one (10–19). */
    record StrengthExercises(String twoLeg, String singleLeg) {
    }

    static final Map<StrengthTest, StrengthExercises> STRENGTH_EXERCISES = new EnumMap<>(Map.of(
            StrengthTest.CALF_RAISE, new StrengthExercises("calf-raise", "single-leg-calf-raise"),
            StrengthTest.SL_BRIDGE, new StrengthExercises("bridge", "single-leg-bridge"),
            StrengthTest.SL_SIT_STAND, new StrengthExercises("sit-to-stand", "single-leg-sit-to-stand"),
            StrengthTest.SIDE_ABDUCTION, new StrengthExercises("side-lying-abduction", "side-lying-abduction")));

    /** One side this many repetitions behind the other starts first and gets an extra set. */
    static final int SIDE_GAP = 3;

    private void strength(Findings f, ProgrammeDraft draft) {
        if (f.stage() == Stage.CONNECT) {
            return;
        }
        for (StrengthTest test : StrengthTest.values()) {
            Sides<Integer> sides = f.strength(test);
            List<String> reasons = new ArrayList<>();
            Integer weaker = null;
            for (Side side : Side.values()) {
                Integer reps = sides.get(side);
                if (reps != null && reps < StrengthTest.TARGET_REPETITIONS) {
                    reasons.add(Reasons.strength(test, side));
                }
                if (reps != null && (weaker == null || reps < weaker)) {
                    weaker = reps;
                }
            }
            if (reasons.isEmpty()) {
                continue;
            }
            StrengthExercises exercises = STRENGTH_EXERCISES.get(test);
            boolean twoLeg = weaker < StrengthTest.LOW_LOAD_BELOW;
            String code = twoLeg ? exercises.twoLeg() : exercises.singleLeg();
            Exercise exercise = exercise(code).orElse(null);
            if (exercise == null) {
                continue;
            }
            Dose base = exercise.defaultDose();
            Dose dose = test == StrengthTest.SIDE_ABDUCTION
                    ? (twoLeg ? withSetsReps(base, 2, 10) : withSetsReps(base, 3, 15))
                    : withSetsReps(base, 3, base.reps());
            String notes = null;
            if (!twoLeg && sides.left() != null && sides.right() != null
                    && Math.abs(sides.left() - sides.right()) >= SIDE_GAP) {
                Side weak = sides.left() < sides.right() ? Side.LEFT : Side.RIGHT;
                notes = Messages.get("programme.note.weakerSide." + weak.name());
            }
            ProgrammeItem item = new ProgrammeItem(code, dose, notes, reasons);
            // the single-leg version replaces the base's two-leg one of the same movement, and back
            String other = twoLeg ? exercises.singleLeg() : exercises.twoLeg();
            if (!other.equals(code) && draft.contains(other)) {
                draft.replace(other, item);
            } else {
                draft.add(item);
            }
        }
    }

    private static Dose withSetsReps(Dose base, int sets, int reps) {
        return new Dose(sets, reps, base.holdSeconds(), base.timesPerDay(), base.daysPerWeek());
    }

    // ---------------------------------------------------------------- STRENGTH_KEEP

    static final List<String> STRENGTH_KEPT = List.of("single-leg-calf-raise", "single-leg-bridge",
            "single-leg-sit-to-stand", "side-lying-abduction");
    static final String STRENGTH_CIRCUIT = "strength-circuit";
    static final int KEEP_DAYS = 2;

    private void strengthKeep(Findings f, ProgrammeDraft draft) {
        if (f.stage().compareTo(Stage.IMPACT_PREP) < 0) {
            return;
        }
        if (f.stage() == Stage.WALK_RUN || f.stage() == Stage.RUN) {
            // the circuit stands for the four, with this reason
            item(STRENGTH_CIRCUIT, Reasons.STRENGTH_KEEP).map(ProgrammeSuggester::atLeastKeepDays).ifPresent(draft::add);
            return;
        }
        for (String code : STRENGTH_KEPT) {
            // a test under 10 has her on the two-leg version of that movement: not the single-leg one too
            boolean twoLegGiven = STRENGTH_EXERCISES.values().stream()
                    .anyMatch(x -> x.singleLeg().equals(code) && !x.twoLeg().equals(code) && draft.contains(x.twoLeg()));
            if (!twoLegGiven) {
                item(code, Reasons.STRENGTH_KEEP).map(ProgrammeSuggester::atLeastKeepDays).ifPresent(draft::add);
            }
        }
    }

    private static ProgrammeItem atLeastKeepDays(ProgrammeItem item) {
        Dose d = item.dose();
        return d.daysPerWeek() >= KEEP_DAYS ? item
                : item.withDose(new Dose(d.sets(), d.reps(), d.holdSeconds(), d.timesPerDay(), KEEP_DAYS));
    }

    // ---------------------------------------------------------------- LOAD_FAILED / LOAD_UNTESTED

    /** Impact drills by level, 1 (marching) to 4 (bounds, single-leg hops, running man). */
    static final Map<String, Integer> IMPACT_LEVEL = Map.of("marching", 1, "stomping", 1, "jog-on-spot", 2,
            "squat-jumps", 3, "double-leg-hops", 3, "skipping", 3, "forward-bounds", 4, "single-leg-hops", 4,
            "running-man", 4);

    /** Drills must be below this level when the test failed or was not recorded. */
    static final Map<LoadTest, Integer> CAP = new EnumMap<>(Map.of(LoadTest.WALK, 1, LoadTest.JOG_SPOT, 2,
            LoadTest.FWD_BOUNDS, 4, LoadTest.HOP, 4, LoadTest.RUNNING_MAN, 4, LoadTest.SL_BALANCE, 4,
            LoadTest.SL_SQUAT, 4));

    /** Each test's own drill: never given while the test fails. */
    static final Map<LoadTest, String> OWN_DRILL = new EnumMap<>(Map.of(LoadTest.JOG_SPOT, "jog-on-spot",
            LoadTest.FWD_BOUNDS, "forward-bounds", LoadTest.HOP, "single-leg-hops",
            LoadTest.RUNNING_MAN, "running-man"));

    /** What a failed test adds to build toward it. */
    static final Map<LoadTest, List<String>> PRECURSORS = new EnumMap<>(Map.of(
            LoadTest.WALK, List.of("walking"),
            LoadTest.SL_BALANCE, List.of("single-leg-balance"),
            LoadTest.SL_SQUAT, List.of("split-squat"),
            LoadTest.JOG_SPOT, List.of("marching"),
            LoadTest.FWD_BOUNDS, List.of("split-squat", "step-up"),
            LoadTest.HOP, List.of("single-leg-calf-raise"),
            LoadTest.RUNNING_MAN, List.of("single-leg-balance", "step-up")));

    /** The highest impact level a visit allows plus one: drills at this level or above are left out. */
    static int impactCap(Findings f) {
        int cap = Integer.MAX_VALUE;
        for (LoadTest test : LoadTest.values()) {
            if (f.loadFailed(test) || f.loadUntested(test)) {
                cap = Math.min(cap, CAP.get(test));
            }
        }
        return cap;
    }

    private void loadTests(Findings f, ProgrammeDraft draft) {
        int cap = impactCap(f);
        draft.removeIf(code -> IMPACT_LEVEL.getOrDefault(code, 0) >= cap);
        for (LoadTest test : f.failedLoadTests()) {
            String own = OWN_DRILL.get(test);
            if (own != null) {
                draft.removeIf(own::equals);
            }
            for (String code : PRECURSORS.get(test)) {
                if (IMPACT_LEVEL.getOrDefault(code, 0) >= cap) {
                    continue; // a precursor that is itself a drill keeps to the cap
                }
                item(code, Reasons.loadFailed(test)).map(i -> precursorDose(i)).ifPresent(draft::add);
            }
        }
    }

    private static ProgrammeItem precursorDose(ProgrammeItem item) {
        Dose d = item.dose();
        return switch (item.exercise()) {
            case "walking" -> item.withNotes(Messages.get("programme.note.walking"));
            case "single-leg-balance" -> item.withDose(new Dose(d.sets(), d.reps(), 5, d.timesPerDay(),
                    d.daysPerWeek()));
            default -> item;
        };
    }

    // ---------------------------------------------------------------- DRA

    static final List<String> DOMING_CUED = List.of("dead-bug", "bird-dog", "heel-slide", "side-plank",
            STRENGTH_CIRCUIT, "tva-activation", "tva-four-point");

    private void diastasis(Findings f, ProgrammeDraft draft) {
        if (!f.diastasis()) {
            return;
        }
        boolean heelSlide = !f.findContraction() && !f.downTrain();
        Optional<ProgrammeItem> slide = heelSlide ? item("heel-slide", Reasons.DRA) : Optional.empty();
        for (String left : List.of("side-plank", "dead-bug")) {
            if (draft.contains(left) && slide.isPresent()) {
                draft.replace(left, slide.get());
            }
            draft.removeIf(left::equals);
        }
        slide.ifPresent(draft::add);
        for (String code : DOMING_CUED) {
            String cue = Messages.get("programme.note.doming");
            String note = code.equals(STRENGTH_CIRCUIT) ? cue + " " + Messages.get("programme.note.sidePlankKnees")
                    : cue;
            draft.update(code, i -> i.withNotes(i.notes() == null ? note : i.notes() + " " + note)
                    .withReasons(List.of(Reasons.DRA)));
        }
    }

    // ---------------------------------------------------------------- WALK_RUN_START

    /** The walk-run plan from her running before pregnancy; none before WALK_RUN. */
    private List<WalkRunWeek> walkRunStart(Findings f, ProgrammeDraft draft) {
        if (f.stage() != Stage.WALK_RUN || !draft.contains(ExerciseLibrary.WALK_RUN_INTERVALS)) {
            return List.of();
        }
        WalkRunStart start = WalkRunStart.forPreviousWeeklyKm(f.previousWeeklyRunKm());
        List<WalkRunWeek> plan = WalkRunGenerator.generate(start);
        WalkRunWeek first = plan.get(0);
        // the walk-run exercise starts as the plan's first week: its rounds and sessions a week
        draft.update(ExerciseLibrary.WALK_RUN_INTERVALS, i -> i.withDose(new Dose(1, first.repeats(), 0, 1,
                first.sessionsPerWeek())).withReasons(List.of(Reasons.WALK_RUN_START)));
        return plan;
    }

    // ----------------------------------------------------------------

    private Optional<Exercise> exercise(String code) {
        return Optional.ofNullable(library.get(code));
    }

    /** The library's exercise at its default dose with one reason; empty when the library lacks it. */
    private Optional<ProgrammeItem> item(String code, String reason) {
        return exercise(code).map(e -> new ProgrammeItem(e.code(), e.defaultDose(), null, List.of(reason)));
    }

    private void add(ProgrammeDraft draft, String code, String reason) {
        item(code, reason).ifPresent(draft::add);
    }
}
