package app.rebound.domain.visit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthTiming;
import app.rebound.domain.Messages;

/**
 * The readiness summary and suggested stage of clinical reference section 8. Each criterion is
 * NOT_MET as soon as a recorded value fails it, MET only when everything it needs was recorded and
 * passes, and NOT_ASSESSED otherwise. Missing data never moves a patient forward.
 */
public final class ReadinessRules {

    private ReadinessRules() {
    }

    /**
     * @param visit    the visit to judge
     * @param births   the patient's births (the most recent on or before the visit date counts)
     * @param previous the visit before this one (by date), for "consider onward referral"; may be null
     */
    public static ReadinessSummary evaluate(Visit visit, Collection<Birth> births, Visit previous) {
        List<CriterionResult> criteria = List.of(
                weeksSinceBirth(visit, births),
                noRedFlags(visit),
                noSymptoms(visit),
                pelvicFloor(visit),
                loadImpact(visit),
                strength(visit));
        List<ReadinessCriterion> assessNext = criteria.stream()
                .filter(c -> c.status() == CriterionStatus.NOT_ASSESSED)
                .map(CriterionResult::criterion)
                .toList();
        Suggestion suggestion = suggest(visit, criteria);
        return new ReadinessSummary(criteria, suggestion.stage(), suggestion.reason(), assessNext,
                persistentSymptoms(visit, previous));
    }

    private record Suggestion(SuggestedStage stage, String reason) {
    }

    private static Suggestion suggest(Visit visit, List<CriterionResult> criteria) {
        // 1. any red flag: refer, no programme
        if (visit.anyRedFlag()) {
            return new Suggestion(SuggestedStage.REFER, Messages.get("readiness.reason.redFlag"));
        }
        // 2. no voluntary contraction, a floor that does not relax, or high tone relaxing only partly
        PelvicFloorExam floor = visit.pelvicFloor();
        if (floor.power() != null && floor.power() <= 1) {
            return new Suggestion(SuggestedStage.CONNECT, Messages.get("readiness.reason.noContraction"));
        }
        if (floor.relaxation() == Relaxation.ABSENT) {
            return new Suggestion(SuggestedStage.CONNECT, Messages.get("readiness.reason.noRelaxation"));
        }
        if (floor.tone() == Tone.HIGH && floor.relaxation() == Relaxation.PARTIAL) {
            return new Suggestion(SuggestedStage.CONNECT, Messages.get("readiness.reason.highTone"));
        }
        // 3. no strength test at all, or any under 10
        List<Integer> strength = new ArrayList<>();
        for (StrengthTest test : StrengthTest.values()) {
            Sides<Integer> sides = visit.strength(test);
            if (sides.left() != null) {
                strength.add(sides.left());
            }
            if (sides.right() != null) {
                strength.add(sides.right());
            }
        }
        if (strength.isEmpty()) {
            return new Suggestion(SuggestedStage.LOW_LOAD, Messages.get("readiness.reason.noStrength"));
        }
        if (strength.stream().anyMatch(r -> r < StrengthTest.LOW_LOAD_BELOW)) {
            return new Suggestion(SuggestedStage.LOW_LOAD, Messages.format("readiness.reason.strengthUnder10",
                    StrengthTest.LOW_LOAD_BELOW));
        }
        // 4. strength not yet at 20 on every side, not 12 weeks since birth, or red flags not asked
        if (strength.stream().anyMatch(r -> r < StrengthTest.TARGET_REPETITIONS)) {
            return new Suggestion(SuggestedStage.BUILD, Messages.format("readiness.reason.strengthUnder20",
                    StrengthTest.TARGET_REPETITIONS));
        }
        if (status(criteria, ReadinessCriterion.STRENGTH_TESTS) != CriterionStatus.MET) {
            return new Suggestion(SuggestedStage.BUILD, Messages.get("readiness.reason.strengthIncomplete"));
        }
        CriterionStatus weeks = status(criteria, ReadinessCriterion.WEEKS_SINCE_BIRTH);
        if (weeks != CriterionStatus.MET) {
            return new Suggestion(SuggestedStage.BUILD, Messages.get(weeks == CriterionStatus.NOT_MET
                    ? "readiness.reason.tooSoon" : "readiness.reason.weeksUnknown"));
        }
        // no impact work before the red flags are asked (NOT_MET was REFER at rule 1)
        if (status(criteria, ReadinessCriterion.NO_RED_FLAGS) != CriterionStatus.MET) {
            return new Suggestion(SuggestedStage.BUILD, Messages.get("readiness.reason.redFlagsNotAsked"));
        }
        // 5. anything else not met: prepare for impact; a failing value explains it before a missing one
        List<ReadinessCriterion> gate = List.of(ReadinessCriterion.NO_SYMPTOMS,
                ReadinessCriterion.PELVIC_FLOOR, ReadinessCriterion.LOAD_IMPACT_TESTS);
        for (CriterionStatus wanted : List.of(CriterionStatus.NOT_MET, CriterionStatus.NOT_ASSESSED)) {
            for (ReadinessCriterion criterion : gate) {
                if (status(criteria, criterion) == wanted) {
                    String key = "readiness.reason." + criterion.name() + "." + wanted.name();
                    return new Suggestion(SuggestedStage.IMPACT_PREP, Messages.get(key));
                }
            }
        }
        // 6. everything met
        return new Suggestion(SuggestedStage.WALK_RUN, Messages.get("readiness.reason.ready"));
    }

    private static CriterionStatus status(List<CriterionResult> criteria, ReadinessCriterion which) {
        return criteria.stream().filter(c -> c.criterion() == which).findFirst().orElseThrow().status();
    }

    static CriterionResult weeksSinceBirth(Visit visit, Collection<Birth> births) {
        OptionalLong days = BirthTiming.daysSinceBirth(births, visit.date());
        ReadinessCriterion c = ReadinessCriterion.WEEKS_SINCE_BIRTH;
        if (days.isEmpty()) {
            return new CriterionResult(c, CriterionStatus.NOT_ASSESSED, Messages.get("readiness.weeks.noBirth"));
        }
        long d = days.getAsLong();
        String evidence = Messages.format("readiness.weeks.evidence", d / 7, d % 7);
        return new CriterionResult(c, d >= ReadinessCriterion.MIN_DAYS_SINCE_BIRTH ? CriterionStatus.MET
                : CriterionStatus.NOT_MET, evidence);
    }

    static CriterionResult noRedFlags(Visit visit) {
        ReadinessCriterion c = ReadinessCriterion.NO_RED_FLAGS;
        if (visit.redFlags() == null) {
            return new CriterionResult(c, CriterionStatus.NOT_ASSESSED, Messages.get("readiness.redFlags.notAsked"));
        }
        if (visit.redFlags().isEmpty()) {
            return new CriterionResult(c, CriterionStatus.MET, Messages.get("readiness.redFlags.none"));
        }
        return new CriterionResult(c, CriterionStatus.NOT_MET, Messages.format("readiness.present",
                names(visit.redFlags())));
    }

    static CriterionResult noSymptoms(Visit visit) {
        ReadinessCriterion c = ReadinessCriterion.NO_SYMPTOMS;
        List<Boolean> flags = visit.symptoms().flags();
        List<String> present = new ArrayList<>();
        int notAsked = 0;
        for (int i = 0; i < flags.size(); i++) {
            if (Boolean.TRUE.equals(flags.get(i))) {
                present.add(Messages.get("symptom." + i));
            } else if (flags.get(i) == null) {
                notAsked++;
            }
        }
        if (!present.isEmpty()) {
            return new CriterionResult(c, CriterionStatus.NOT_MET, Messages.format("readiness.present",
                    String.join(", ", present)));
        }
        if (notAsked > 0) {
            return new CriterionResult(c, CriterionStatus.NOT_ASSESSED, Messages.format("readiness.symptoms.notAsked",
                    notAsked, flags.size()));
        }
        return new CriterionResult(c, CriterionStatus.MET, Messages.get("readiness.symptoms.none"));
    }

    static CriterionResult pelvicFloor(Visit visit) {
        ReadinessCriterion c = ReadinessCriterion.PELVIC_FLOOR;
        PelvicFloorExam floor = visit.pelvicFloor();
        String evidence = Messages.format("readiness.floor.evidence",
                floor.power() == null ? Messages.get("value.notRecordedShort") : floor.power(),
                floor.relaxation() == null ? Messages.get("value.notRecordedShort")
                        : Messages.name(floor.relaxation()).toLowerCase(Locale.ROOT));
        boolean powerFails = floor.power() != null && floor.power() < ReadinessCriterion.MIN_POWER;
        boolean relaxationFails = floor.relaxation() != null && floor.relaxation() != Relaxation.COMPLETE;
        if (powerFails || relaxationFails) {
            return new CriterionResult(c, CriterionStatus.NOT_MET, evidence);
        }
        // "examined" means a method was recorded: missing data never moves a patient forward
        boolean examined = floor.method() != null && floor.method() != ExamMethod.NOT_EXAMINED;
        if (examined && floor.power() != null && floor.relaxation() != null) {
            return new CriterionResult(c, CriterionStatus.MET, evidence);
        }
        String why = floor.method() == null ? Messages.get("readiness.floor.noMethod")
                : Messages.get("readiness.floor.notExamined");
        return new CriterionResult(c, CriterionStatus.NOT_ASSESSED, examined ? evidence : why);
    }

    /** A load or impact test passed at the visit: recorded as a pass on every side it has. */
    public static boolean passed(Visit visit, LoadTest test) {
        LoadEntry entry = visit.loadImpact().get(test);
        if (test.oneSided()) {
            return entry instanceof LoadEntry.PerSide per && per.sides().left() != null
                    && per.sides().left().passed() && per.sides().right() != null && per.sides().right().passed();
        }
        return entry instanceof LoadEntry.Whole whole && whole.result() != null && whole.result().passed();
    }

    static CriterionResult loadImpact(Visit visit) {
        ReadinessCriterion c = ReadinessCriterion.LOAD_IMPACT_TESTS;
        int passed = 0;
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LoadTest test : LoadTest.values()) {
            List<LoadResult> results = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            LoadEntry entry = visit.loadImpact().get(test);
            if (test.oneSided()) {
                Sides<LoadResult> sides = entry instanceof LoadEntry.PerSide per ? per.sides() : Sides.of(null, null);
                results.add(sides.left());
                labels.add(Messages.get("side.L"));
                results.add(sides.right());
                labels.add(Messages.get("side.R"));
            } else {
                results.add(entry instanceof LoadEntry.Whole whole ? whole.result() : null);
                labels.add("");
            }
            boolean allPass = true;
            for (int i = 0; i < results.size(); i++) {
                LoadResult r = results.get(i);
                String name = Messages.name(test) + (labels.get(i).isEmpty() ? "" : " " + labels.get(i));
                if (r == null || !r.recorded()) {
                    missing.add(name);
                    allPass = false;
                } else if (!r.passed()) {
                    failing.add(name + " (" + Messages.name(r.status()).toLowerCase(Locale.ROOT)
                            + (r.symptoms().isEmpty() ? "" : ": " + names(r.symptoms()).toLowerCase(Locale.ROOT))
                            + ")");
                    allPass = false;
                }
            }
            if (allPass) {
                passed++;
            }
        }
        String count = Messages.format("readiness.load.passed", passed, LoadTest.values().length);
        if (!failing.isEmpty()) {
            return new CriterionResult(c, CriterionStatus.NOT_MET,
                    count + "; " + Messages.format("readiness.load.notPassed", String.join(", ", failing)));
        }
        if (!missing.isEmpty()) {
            String which = missing.size() <= 3 ? Messages.format("readiness.load.notTested", String.join(", ", missing))
                    : Messages.format("readiness.load.notTestedCount", missing.size());
            return new CriterionResult(c, CriterionStatus.NOT_ASSESSED, count + "; " + which);
        }
        return new CriterionResult(c, CriterionStatus.MET, count);
    }

    static CriterionResult strength(Visit visit) {
        ReadinessCriterion c = ReadinessCriterion.STRENGTH_TESTS;
        boolean fails = false;
        boolean missing = false;
        List<String> parts = new ArrayList<>();
        for (StrengthTest test : StrengthTest.values()) {
            Sides<Integer> sides = visit.strength(test);
            for (Integer value : new Integer[] {sides.left(), sides.right()}) {
                if (value == null) {
                    missing = true;
                } else if (value < StrengthTest.TARGET_REPETITIONS) {
                    fails = true;
                }
            }
            if (!sides.isEmpty()) {
                parts.add(Messages.format("readiness.strength.test", Messages.name(test),
                        sides.left() == null ? "–" : sides.left(), sides.right() == null ? "–" : sides.right()));
            }
        }
        String evidence = (parts.isEmpty() ? Messages.get("readiness.strength.none") : String.join("; ", parts))
                + " — " + Messages.format("readiness.strength.target", StrengthTest.TARGET_REPETITIONS);
        CriterionStatus status = fails ? CriterionStatus.NOT_MET
                : missing ? CriterionStatus.NOT_ASSESSED : CriterionStatus.MET;
        return new CriterionResult(c, status, evidence);
    }

    /** Leaking, prolapse symptoms or faecal incontinence at this visit and the one before. */
    static boolean persistentSymptoms(Visit visit, Visit previous) {
        if (previous == null) {
            return false;
        }
        Symptoms now = visit.symptoms();
        Symptoms before = previous.symptoms();
        return both(now.urinaryIncontinence(), before.urinaryIncontinence())
                || both(now.heavinessOrBulge(), before.heavinessOrBulge())
                || both(now.faecalIncontinence(), before.faecalIncontinence());
    }

    private static boolean both(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b);
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().filter(Objects::nonNull).map(Messages::name).collect(Collectors.joining(", "));
    }

    /**
     * The visit just before {@code visit} by date, then id, among {@code visits}; null if none. Ids
     * compare as their lower-case text, which is the order the database keeps (unsigned bytes).
     */
    public static Visit previousOf(Visit visit, Collection<Visit> visits) {
        Visit best = null;
        for (Visit v : visits) {
            if (v.id().equals(visit.id()) || ORDER.compare(v, visit) > 0) {
                continue;
            }
            if (best == null || ORDER.compare(v, best) > 0) {
                best = v;
            }
        }
        return best;
    }

    /** Visits in the order they happened: by date, then by id as the database orders them. */
    public static final Comparator<Visit> ORDER = Comparator.comparing(Visit::date)
            .thenComparing(v -> v.id().toString());

}
