package app.rebound.domain.visit;

import static app.rebound.domain.visit.CriterionStatus.MET;
import static app.rebound.domain.visit.CriterionStatus.NOT_ASSESSED;
import static app.rebound.domain.visit.CriterionStatus.NOT_MET;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.rebound.domain.Birth;

/**
 * Clinical reference section 8 written out a second time, straight from its text, over the
 * record-format paths of a {@link VisitFixture}: an oracle for random visits. It shares no code
 * with {@link ReadinessRules}.
 */
final class Section8 {

    /** Stage order from low load to walk-run (REFER stands apart). */
    static final List<SuggestedStage> ORDER = List.of(SuggestedStage.CONNECT, SuggestedStage.LOW_LOAD,
            SuggestedStage.BUILD, SuggestedStage.IMPACT_PREP, SuggestedStage.WALK_RUN);

    private Section8() {
    }

    static int rank(SuggestedStage stage) {
        int rank = ORDER.indexOf(stage);
        if (rank < 0) {
            throw new IllegalArgumentException(stage + " has no place in the order");
        }
        return rank;
    }

    /** A criterion from "anything fails", "anything missing": NOT_MET first, then NOT_ASSESSED, else MET. */
    private static CriterionStatus judge(boolean anyFails, boolean anyMissing) {
        return anyFails ? NOT_MET : anyMissing ? NOT_ASSESSED : MET;
    }

    static Map<ReadinessCriterion, CriterionStatus> criteria(VisitFixture v) {
        Map<ReadinessCriterion, CriterionStatus> result = new EnumMap<>(ReadinessCriterion.class);

        // at least 84 days between the most recent birth on or before the visit date and the visit date
        LocalDate date = v.date();
        Optional<LocalDate> birth = v.births().stream().map(Birth::date).filter(b -> !b.isAfter(date))
                .max(LocalDate::compareTo);
        result.put(ReadinessCriterion.WEEKS_SINCE_BIRTH, birth.isEmpty() ? NOT_ASSESSED
                : ChronoUnit.DAYS.between(birth.get(), date) >= 84 ? MET : NOT_MET);

        // red flags asked and none present
        Set<?> flags = (Set<?>) v.get(VisitFixture.RED_FLAGS);
        result.put(ReadinessCriterion.NO_RED_FLAGS, judge(flags != null && !flags.isEmpty(), flags == null));

        // all eight symptom flags asked and none present
        boolean present = false;
        boolean notAsked = false;
        for (String s : VisitFixture.SYMPTOM_FLAGS) {
            Object flag = v.get("symptoms." + s);
            present |= Boolean.TRUE.equals(flag);
            notAsked |= flag == null;
        }
        result.put(ReadinessCriterion.NO_SYMPTOMS, judge(present, notAsked));

        // examined (a method recorded, not NOT_EXAMINED), MOS 3 or more, relaxation COMPLETE
        Integer power = (Integer) v.get("pelvicFloor.power");
        Relaxation relaxation = (Relaxation) v.get("pelvicFloor.relaxation");
        Object method = v.get("pelvicFloor.method");
        boolean notExamined = method == null || method == ExamMethod.NOT_EXAMINED;
        result.put(ReadinessCriterion.PELVIC_FLOOR, judge(
                (power != null && power < 3) || (relaxation != null && relaxation != Relaxation.COMPLETE),
                notExamined || power == null || relaxation == null));

        // all seven load and impact tests PASS, each side where one-sided; NOT_TESTED is not recorded
        boolean loadFails = false;
        boolean loadMissing = false;
        for (String path : VisitFixture.loadPaths()) {
            LoadResult r = (LoadResult) v.get(path);
            boolean recorded = r != null && r.status() != TestStatus.NOT_TESTED;
            loadMissing |= !recorded;
            loadFails |= recorded && r.status() != TestStatus.PASS;
        }
        result.put(ReadinessCriterion.LOAD_IMPACT_TESTS, judge(loadFails, loadMissing));

        // all four strength tests at 20 or more on each side
        boolean strengthFails = false;
        boolean strengthMissing = false;
        for (Integer reps : strength(v, true)) {
            strengthMissing |= reps == null;
            strengthFails |= reps != null && reps < 20;
        }
        result.put(ReadinessCriterion.STRENGTH_TESTS, judge(strengthFails, strengthMissing));
        return result;
    }

    /** The eight strength sides; with {@code withMissing} false only the recorded ones. */
    private static List<Integer> strength(VisitFixture v, boolean withMissing) {
        List<Integer> values = new ArrayList<>();
        for (String path : VisitFixture.strengthPaths()) {
            Integer reps = (Integer) v.get(path);
            if (reps != null || withMissing) {
                values.add(reps);
            }
        }
        return values;
    }

    static SuggestedStage stage(VisitFixture v) {
        Map<ReadinessCriterion, CriterionStatus> c = criteria(v);
        // 1. any red flag
        Set<?> flags = (Set<?>) v.get(VisitFixture.RED_FLAGS);
        if (flags != null && !flags.isEmpty()) {
            return SuggestedStage.REFER;
        }
        // 2. MOS 0-1, relaxation ABSENT, or tone HIGH with relaxation PARTIAL
        Integer power = (Integer) v.get("pelvicFloor.power");
        Object relaxation = v.get("pelvicFloor.relaxation");
        if ((power != null && power <= 1) || relaxation == Relaxation.ABSENT
                || (v.get("pelvicFloor.tone") == Tone.HIGH && relaxation == Relaxation.PARTIAL)) {
            return SuggestedStage.CONNECT;
        }
        // 3. no strength test recorded at all, or any under 10 on either side
        List<Integer> recorded = strength(v, false);
        if (recorded.isEmpty() || recorded.stream().anyMatch(r -> r < 10)) {
            return SuggestedStage.LOW_LOAD;
        }
        // 4. any under 20, STRENGTH_TESTS not MET, WEEKS_SINCE_BIRTH not MET, or NO_RED_FLAGS NOT_ASSESSED
        if (recorded.stream().anyMatch(r -> r < 20) || c.get(ReadinessCriterion.STRENGTH_TESTS) != MET
                || c.get(ReadinessCriterion.WEEKS_SINCE_BIRTH) != MET
                || c.get(ReadinessCriterion.NO_RED_FLAGS) == NOT_ASSESSED) {
            return SuggestedStage.BUILD;
        }
        // 5. any of NO_SYMPTOMS, PELVIC_FLOOR, LOAD_IMPACT_TESTS not MET
        for (ReadinessCriterion gate : List.of(ReadinessCriterion.NO_SYMPTOMS,
                ReadinessCriterion.PELVIC_FLOOR, ReadinessCriterion.LOAD_IMPACT_TESTS)) {
            if (c.get(gate) != MET) {
                return SuggestedStage.IMPACT_PREP;
            }
        }
        // 6.
        return SuggestedStage.WALK_RUN;
    }
}
