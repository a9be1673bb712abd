package app.rebound.domain.visit;

import static app.rebound.domain.visit.VisitFixture.BIRTH;
import static app.rebound.domain.visit.VisitFixture.RED_FLAGS;
import static app.rebound.domain.visit.VisitFixture.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Clinical reference section 8: "Missing data never moves a patient forward, and recording a
 * missing value never moves her backward past where a failing value would." Over random visits
 * without red flags (a red flag is REFER whatever else is recorded, and removing it can of course
 * lift REFER), with the stages ordered CONNECT < LOW_LOAD < BUILD < IMPACT_PREP < WALK_RUN.
 *
 * <p>Removing a value that fails a rule may move her forward, and the rules say so: MOS 1 is
 * CONNECT but MOS not recorded is not (rule 2); a side at 5 is LOW_LOAD but that side not recorded,
 * with the rest at 15, is BUILD (rules 3 and 4). So "forward" is measured against a passing value:
 * with a value missing she is never further on than with that value recorded as passing, and never
 * further back than with it recorded as failing. See {@link MissingDataExamplesTest}.
 */
class MissingDataPropertyTest {

    /** For one path: the values that fail no rule of section 8, the worst value, and values to try. */
    private record Domain(List<Object> passing, Object worst, List<Object> sample) {
    }

    private static final Map<String, Domain> RELEVANT = new LinkedHashMap<>();

    /** Recorded in a visit, but no part of any criterion or stage rule of section 8. */
    private static final List<String> OUTSIDE_SECTION_8 = List.of("symptoms.painNrs",
            "symptoms.runSymptomOnsetMinutes", "pelvicFloor.enduranceSeconds", "pelvicFloor.repetitions",
            "pelvicFloor.fastContractions", "pelvicFloor.elevation", "pelvicFloor.coContraction",
            "pelvicFloor.coughPrecontraction", "pelvicFloor.standingSubmaxHoldSeconds");

    static {
        RELEVANT.put(BIRTH, new Domain(List.of(VISIT_DATE.minusDays(84), VISIT_DATE.minusDays(400)), VISIT_DATE,
                List.of(VISIT_DATE.plusDays(1), VISIT_DATE, VISIT_DATE.minusDays(83), VISIT_DATE.minusDays(84),
                        VISIT_DATE.minusDays(1000))));
        for (String s : VisitFixture.SYMPTOM_FLAGS) {
            RELEVANT.put("symptoms." + s, new Domain(List.of(false), true, List.of(false, true)));
        }
        // NOT_EXAMINED is not among the passing methods: see MissingDataExamplesTest#removingNotExamined...
        RELEVANT.put("pelvicFloor.method", new Domain(
                List.of(ExamMethod.VAGINAL_DIGITAL, ExamMethod.ULTRASOUND, ExamMethod.OBSERVATION),
                ExamMethod.NOT_EXAMINED, List.of((Object[]) ExamMethod.values())));
        RELEVANT.put("pelvicFloor.power", new Domain(List.of(3, 4, 5), 0, List.of(0, 1, 2, 3, 4, 5)));
        RELEVANT.put("pelvicFloor.relaxation", new Domain(List.of(Relaxation.COMPLETE), Relaxation.ABSENT,
                List.of((Object[]) Relaxation.values())));
        RELEVANT.put("pelvicFloor.tone", new Domain(List.of(Tone.LOW, Tone.NORMAL), Tone.HIGH,
                List.of((Object[]) Tone.values())));
        LoadResult pass = LoadResult.of(TestStatus.PASS);
        LoadResult symptoms = LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE, TestSymptom.HEAVINESS);
        for (String path : VisitFixture.loadPaths()) {
            RELEVANT.put(path, new Domain(List.of(pass), symptoms, List.of(pass, symptoms,
                    LoadResult.of(TestStatus.INCOMPLETE), LoadResult.of(TestStatus.NOT_TESTED))));
        }
        for (String path : VisitFixture.strengthPaths()) {
            RELEVANT.put(path, new Domain(List.of(20, 25, 200), 0, List.of(0, 9, 10, 19, 20, 200)));
        }
    }

    // ---- properties ----

    @Property(tries = 400)
    void withAValueMissingSheIsNeverFurtherOnThanWithItPassing(@ForAll("visits") VisitFixture visit) {
        for (Map.Entry<String, Domain> e : RELEVANT.entrySet()) {
            String path = e.getKey();
            int missing = rank(visit.copy().without(path));
            for (Object passing : e.getValue().passing()) {
                assertThat(missing)
                        .as("%s missing vs %s = %s, in %s", path, path, passing, visit)
                        .isLessThanOrEqualTo(rank(visit.copy().with(path, passing)));
            }
        }
    }

    @Property(tries = 400)
    void removingARecordedValueThatFailsNothingNeverMovesHerForward(@ForAll("visits") VisitFixture visit) {
        int before = rank(visit);
        for (String path : visit.recordedPaths()) {
            Domain domain = RELEVANT.get(path);
            boolean failsNothing = domain == null || domain.passing().contains(visit.get(path));
            if (failsNothing) {
                assertThat(rank(visit.copy().without(path)))
                        .as("removing %s = %s from %s", path, visit.get(path), visit)
                        .isLessThanOrEqualTo(before);
            }
        }
    }

    @Property(tries = 300)
    void recordingAMissingValueNeverMovesHerBackPastAFailingValue(@ForAll("visits") VisitFixture visit) {
        for (Map.Entry<String, Domain> e : RELEVANT.entrySet()) {
            String path = e.getKey();
            int worst = rank(visit.copy().with(path, e.getValue().worst()));
            assertThat(rank(visit.copy().without(path)))
                    .as("%s missing vs %s = %s (worst), in %s", path, path, e.getValue().worst(), visit)
                    .isGreaterThanOrEqualTo(worst);
            for (Object value : e.getValue().sample()) {
                assertThat(rank(visit.copy().with(path, value)))
                        .as("%s = %s vs %s = %s (worst), in %s", path, value, path, e.getValue().worst(), visit)
                        .isGreaterThanOrEqualTo(worst);
            }
        }
    }

    @Property(tries = 300)
    void valuesOutsideSection8ChangeNothing(@ForAll("visits") VisitFixture visit) {
        ReadinessSummary before = visit.evaluate();
        for (String path : OUTSIDE_SECTION_8) {
            for (Object value : Arrays.asList(null, 0, 10, true, false)) {
                Object typed = retype(path, value);
                if (value != null && typed == null) {
                    continue;
                }
                ReadinessSummary after = visit.copy().with(path, typed).evaluate();
                assertThat(after.criteria()).extracting(CriterionResult::status)
                        .as("%s = %s in %s", path, typed, visit)
                        .isEqualTo(before.criteria().stream().map(CriterionResult::status).toList());
                assertThat(after.suggestedStage()).as("%s = %s in %s", path, typed, visit)
                        .isEqualTo(before.suggestedStage());
            }
        }
    }

    @Property(tries = 2000)
    void criteriaAndStageFollowSection8(@ForAll("visits") VisitFixture visit) {
        ReadinessSummary s = visit.evaluate();
        Map<ReadinessCriterion, CriterionStatus> expected = Section8.criteria(visit);

        assertThat(s.criteria()).extracting(CriterionResult::criterion)
                .containsExactly(ReadinessCriterion.WEEKS_SINCE_BIRTH, ReadinessCriterion.NO_RED_FLAGS,
                        ReadinessCriterion.NO_SYMPTOMS, ReadinessCriterion.PELVIC_FLOOR,
                        ReadinessCriterion.LOAD_IMPACT_TESTS, ReadinessCriterion.STRENGTH_TESTS);
        for (CriterionResult c : s.criteria()) {
            assertThat(c.status()).as("%s of %s", c.criterion(), visit).isEqualTo(expected.get(c.criterion()));
            assertThat(c.evidence()).isNotBlank();
        }
        assertThat(s.suggestedStage()).as("stage of %s", visit).isEqualTo(Section8.stage(visit));
        assertThat(s.reason()).isNotBlank();
        assertThat(s.assessNext()).as("assess next in %s", visit).isEqualTo(s.criteria().stream()
                .filter(c -> c.status() == CriterionStatus.NOT_ASSESSED).map(CriterionResult::criterion).toList());
    }

    @Property(tries = 300)
    void anyRedFlagIsReferWhateverElseIsRecorded(@ForAll("visits") VisitFixture visit,
            @ForAll("redFlags") Set<RedFlag> flags) {
        ReadinessSummary s = visit.copy().with(RED_FLAGS, flags).evaluate();

        assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.REFER);
        assertThat(s.suggestedStage().stage()).isEmpty();
        assertThat(s.criterion(ReadinessCriterion.NO_RED_FLAGS).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Property(tries = 400)
    void redFlagsNotAskedNeverGoesPastBuildAndAskingThemNeverMovesHerBack(@ForAll("visits") VisitFixture visit) {
        VisitFixture notAsked = visit.copy().without(RED_FLAGS);
        VisitFixture noneFound = visit.copy().with(RED_FLAGS, Set.of());

        assertThat(rank(notAsked)).as("red flags not asked in %s", visit)
                .isLessThanOrEqualTo(Section8.rank(SuggestedStage.BUILD))
                .isLessThanOrEqualTo(rank(noneFound));
        if (rank(noneFound) > Section8.rank(SuggestedStage.BUILD)) {
            assertThat(notAsked.evaluate().reason()).isEqualTo("Ask the red flags before any impact work");
        }
    }

    private static int rank(VisitFixture visit) {
        return Section8.rank(visit.stage());
    }

    private static Object retype(String path, Object value) {
        boolean bool = path.endsWith("elevation") || path.endsWith("coContraction")
                || path.endsWith("coughPrecontraction");
        if (value == null) {
            return null;
        }
        return bool == (value instanceof Boolean) ? value : null;
    }

    // ---- generators ----

    private static Arbitrary<Object> values(String path) {
        Arbitrary<?> a;
        if (path.equals(BIRTH)) {
            a = Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.integers().between(-30, -1)),
                    Tuple.of(2, Arbitraries.integers().between(0, 83)),
                    Tuple.of(1, Arbitraries.of(83, 84)),
                    Tuple.of(6, Arbitraries.integers().between(84, 3000)))
                    .map(days -> VISIT_DATE.minusDays(days));
        } else if (path.equals(RED_FLAGS)) {
            a = Arbitraries.just(Set.of());
        } else if (path.startsWith("symptoms.") && VisitFixture.SYMPTOM_FLAGS.contains(path.substring(9))) {
            a = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true)));
        } else if (path.equals("symptoms.painNrs")) {
            a = Arbitraries.integers().between(0, 10);
        } else if (path.equals("symptoms.runSymptomOnsetMinutes")) {
            a = Arbitraries.integers().between(0, 600);
        } else if (path.equals("pelvicFloor.method")) {
            a = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(ExamMethod.VAGINAL_DIGITAL)),
                    Tuple.of(2, Arbitraries.of(ExamMethod.ULTRASOUND, ExamMethod.OBSERVATION)),
                    Tuple.of(1, Arbitraries.just(ExamMethod.NOT_EXAMINED)));
        } else if (path.equals("pelvicFloor.power")) {
            a = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 2)),
                    Tuple.of(4, Arbitraries.integers().between(3, 5)));
        } else if (path.equals("pelvicFloor.relaxation")) {
            a = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Relaxation.COMPLETE)),
                    Tuple.of(1, Arbitraries.just(Relaxation.PARTIAL)), Tuple.of(1, Arbitraries.just(Relaxation.ABSENT)));
        } else if (path.equals("pelvicFloor.tone")) {
            a = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Tone.NORMAL)),
                    Tuple.of(1, Arbitraries.just(Tone.LOW)), Tuple.of(1, Arbitraries.just(Tone.HIGH)));
        } else if (path.equals("pelvicFloor.standingSubmaxHoldSeconds")) {
            a = Arbitraries.integers().between(0, 120);
        } else if (path.endsWith("elevation") || path.endsWith("coContraction")
                || path.endsWith("coughPrecontraction")) {
            a = Arbitraries.of(true, false);
        } else if (path.startsWith("pelvicFloor.")) {
            a = Arbitraries.integers().between(0, 10);
        } else if (path.startsWith("strength.")) {
            a = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 9)),
                    Tuple.of(2, Arbitraries.integers().between(10, 19)),
                    Tuple.of(1, Arbitraries.of(19, 20)),
                    Tuple.of(8, Arbitraries.integers().between(20, 200)));
        } else if (path.startsWith("loadImpact.")) {
            Arbitrary<Set<TestSymptom>> seen = Arbitraries.of(TestSymptom.class).set().ofMinSize(1);
            a = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just(LoadResult.of(TestStatus.PASS))),
                    Tuple.of(1, seen.map(s -> new LoadResult(TestStatus.SYMPTOMS, EnumSet.copyOf(s)))),
                    Tuple.of(1, seen.injectNull(0.5).map(s -> new LoadResult(TestStatus.INCOMPLETE, s))),
                    Tuple.of(1, Arbitraries.just(LoadResult.of(TestStatus.NOT_TESTED))));
        } else {
            throw new IllegalArgumentException(path);
        }
        return a.map(Object.class::cast);
    }

    private static Arbitrary<Object> valueOrMissing(String path, double missing) {
        return values(path).injectNull(missing);
    }

    private record Change(String path, Object value) {
    }

    /** Every path drawn independently: mostly early stages. */
    private static Arbitrary<VisitFixture> anyVisits() {
        List<String> paths = VisitFixture.allPaths();
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (String path : paths) {
            parts.add(valueOrMissing(path, 0.15));
        }
        return Combinators.combine(parts).as(values -> {
            VisitFixture v = VisitFixture.empty();
            for (int i = 0; i < paths.size(); i++) {
                v.with(paths.get(i), values.get(i));
            }
            return v;
        });
    }

    /** A ready visit with a few paths changed or removed: the later stages and their edges. */
    private static Arbitrary<VisitFixture> nearlyReadyVisits() {
        Arbitrary<Change> change = Arbitraries.of(VisitFixture.allPaths())
                .flatMap(path -> valueOrMissing(path, 0.4).map(value -> new Change(path, value)));
        return change.list().ofMaxSize(4).map(changes -> {
            VisitFixture v = VisitFixture.ready();
            changes.forEach(c -> v.with(c.path(), c.value()));
            return v;
        });
    }

    @Provide
    Arbitrary<VisitFixture> visits() {
        return Arbitraries.frequencyOf(Tuple.of(1, anyVisits()), Tuple.of(2, nearlyReadyVisits()));
    }

    @Provide
    Arbitrary<Set<RedFlag>> redFlags() {
        return Arbitraries.of(RedFlag.class).set().ofMinSize(1);
    }
}
