package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;

/**
 * For random visits at every stage, no suggested programme breaks a prohibition of clinical reference §9.
 * The caps and drills are restated here from §9's table, not read from the suggester.
 */
class ProgrammeSuggesterProperties {

    private static final ProgrammeSuggester SUGGESTER = ProgrammeSuggester.shipped();

    /** §9: impact drill levels. */
    private static final Map<String, Integer> LEVEL = Map.of("marching", 1, "stomping", 1, "jog-on-spot", 2,
            "squat-jumps", 3, "double-leg-hops", 3, "skipping", 3, "forward-bounds", 4, "single-leg-hops", 4,
            "running-man", 4);
    /** §9: a failed or untested test keeps drills below this level. */
    private static final Map<LoadTest, Integer> BELOW = Map.of(LoadTest.WALK, 1, LoadTest.JOG_SPOT, 2,
            LoadTest.FWD_BOUNDS, 4, LoadTest.HOP, 4, LoadTest.RUNNING_MAN, 4, LoadTest.SL_BALANCE, 4,
            LoadTest.SL_SQUAT, 4);
    /** §9: each failed test's own drill. */
    private static final Map<LoadTest, String> OWN = Map.of(LoadTest.JOG_SPOT, "jog-on-spot", LoadTest.FWD_BOUNDS,
            "forward-bounds", LoadTest.HOP, "single-leg-hops", LoadTest.RUNNING_MAN, "running-man");

    @Property(tries = 600)
    void noSuggestedProgrammeBreaksAProhibition(@ForAll("visits") Visit visit, @ForAll Stage stage,
            @ForAll("km") BigDecimal km) {
        Programme programme = SUGGESTER.suggest(stage, SuggestedStage.CONNECT, visit, km);
        List<String> codes = programme.exercises().stream().map(ProgrammeItem::exercise).toList();
        PelvicFloorExam floor = visit.pelvicFloor();

        assertThat(codes).doesNotHaveDuplicates();
        assertThat(programme.exercises()).allSatisfy(i -> assertThat(i.reasons()).isNotEmpty());
        assertThat(programme.validate(code -> ExerciseLibrary.byCode(code).isPresent())).isEmpty();
        // no drill of a failed test, none above the cap
        int cap = Integer.MAX_VALUE;
        for (LoadTest test : LoadTest.values()) {
            boolean failed = statuses(visit, test).stream()
                    .anyMatch(s -> s == TestStatus.SYMPTOMS || s == TestStatus.INCOMPLETE);
            boolean untested = statuses(visit, test).stream().anyMatch(s -> s == null || s == TestStatus.NOT_TESTED);
            if (failed || untested) {
                cap = Math.min(cap, BELOW.get(test));
            }
            if (failed && OWN.containsKey(test)) {
                assertThat(codes).doesNotContain(OWN.get(test));
            }
        }
        int limit = cap;
        assertThat(codes).noneMatch(code -> LEVEL.getOrDefault(code, 0) >= limit);
        // DOWN_TRAIN: no pelvic floor training and no ask to contract anywhere on the handout
        if (floor.tone() == Tone.HIGH || floor.relaxation() == Relaxation.ABSENT) {
            assertThat(codes).noneMatch(ProgrammeSuggesterProperties::contractionWork);
            assertThat(codes.subList(0, 2)).allMatch(ProgrammeSuggester.RELAXATION_FIRST::contains);
            for (String code : codes) {
                Exercise worded = DownTrainWording.of(ExerciseLibrary.byCode(code).orElseThrow());
                assertThat(ProgrammeSuggesterTest.texts(worded)).as(code).noneMatch(ContractionCues::asksToContract);
            }
        } else if (floor.power() != null && floor.power() <= 1) {
            // PF_FIND: no counted holds, quick squeezes, long holds, draw-ins or Knack
            assertThat(codes).contains("pf-find").noneMatch(code -> contractionWork(code) && !code.equals("pf-find")
                    && !code.equals("breathing-pf"));
            // and finding it is not counted in seconds either (a review found "Hold 2 seconds, 5 times")
            assertThat(programme.exercises()).filteredOn(i -> i.exercise().equals("pf-find"))
                    .allSatisfy(i -> assertThat(i.dose().holdSeconds()).isZero());
        }
        assertThat(programme.walkRun().isEmpty()).isEqualTo(stage != Stage.WALK_RUN);
    }

    @Property(tries = 100)
    void aVisitWithARedFlagGetsNoProgramme(@ForAll("visits") Visit visit, @ForAll Stage stage,
            @ForAll RedFlag flag) {
        Visit flagged = new Visit(visit.id(), visit.patientId(), visit.updated(), visit.date(), visit.status(), null,
                visit.kind(), null, null, Set.of(flag), visit.pelvicFloor(), visit.abdominalWall(), visit.strength(),
                visit.loadImpact(), null, null, null, null);

        assertThatThrownBy(() -> SUGGESTER.suggest(stage, SuggestedStage.REFER, flagged, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean contractionWork(String code) {
        Exercise e = ExerciseLibrary.byCode(code).orElseThrow();
        return e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS || e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK
                || e.kind() == ExerciseKind.PELVIC_FLOOR_FIND || code.startsWith("tva-") || code.equals("pf-knack")
                || code.equals("heel-slide") || code.equals("pf-long-hold-standing");
    }

    /** The statuses a test needs (one, or each side); null where not recorded. */
    private static List<TestStatus> statuses(Visit visit, LoadTest test) {
        LoadEntry entry = visit.loadImpact().get(test);
        if (entry == null) {
            return test.oneSided() ? Arrays.asList(null, null) : Collections.singletonList(null);
        }
        if (entry instanceof LoadEntry.Whole whole) {
            return Collections.singletonList(whole.result() == null ? null : whole.result().status());
        }
        Sides<LoadResult> sides = ((LoadEntry.PerSide) entry).sides();
        return Arrays.asList(sides.left() == null ? null : sides.left().status(),
                sides.right() == null ? null : sides.right().status());
    }

    @Provide
    Arbitrary<BigDecimal> km() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(300)).ofScale(1).injectNull(0.2);
    }

    @Provide
    Arbitrary<Visit> visits() {
        Arbitrary<PelvicFloorExam> floor = Combinators.combine(
                Arbitraries.integers().between(0, 5).injectNull(0.2),
                Arbitraries.integers().between(0, 10).injectNull(0.2),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3),
                Arbitraries.of(Relaxation.class).injectNull(0.2),
                Arbitraries.of(Tone.class).injectNull(0.2))
                .as((power, measure, knack, relaxation, tone) -> new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, power,
                        measure, measure, measure, null, null, knack, relaxation, tone, null, null));
        Arbitrary<Integer> reps = Arbitraries.integers().between(0, 30).injectNull(0.15);
        Arbitrary<Map<StrengthTest, Sides<Integer>>> strength = Combinators.combine(reps, reps, reps, reps, reps, reps,
                reps, reps).as((a, b, c, d, e, f, g, h) -> {
                    Map<StrengthTest, Sides<Integer>> map = new EnumMap<>(StrengthTest.class);
                    map.put(StrengthTest.CALF_RAISE, Sides.of(a, b));
                    map.put(StrengthTest.SL_BRIDGE, Sides.of(c, d));
                    map.put(StrengthTest.SL_SIT_STAND, Sides.of(e, f));
                    map.put(StrengthTest.SIDE_ABDUCTION, Sides.of(g, h));
                    return map;
                });
        Arbitrary<LoadResult> result = Combinators.combine(Arbitraries.of(TestStatus.class),
                Arbitraries.of(TestSymptom.class).set().ofMaxSize(2))
                .as(LoadResult::new).injectNull(0.1);
        Arbitrary<LoadEntry> entry = Combinators.combine(result, result).as((l, r) -> (LoadEntry) new LoadEntry.PerSide(
                Sides.of(l, r)));
        Arbitrary<Map<LoadTest, LoadEntry>> load = Arbitraries.maps(Arbitraries.of(LoadTest.class),
                Combinators.combine(result, entry).as((w, p) -> new Object[] {w, p}))
                .ofMaxSize(7)
                .map(raw -> {
                    Map<LoadTest, LoadEntry> map = new EnumMap<>(LoadTest.class);
                    raw.forEach((test, both) -> map.put(test, test.oneSided() ? (LoadEntry) both[1]
                            : new LoadEntry.Whole((LoadResult) both[0])));
                    return map;
                });
        Arbitrary<AbdominalWall> wall = Combinators.combine(Arbitraries.of(IrdUnit.class).injectNull(0.3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(40)).ofScale(1).injectNull(0.3),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4))
                .as((unit, gap, doming) -> new AbdominalWall(null, unit, null, gap, null, doming, null));
        return Combinators.combine(floor, strength, load, wall).as((f, s, l, w) -> new Visit(UUID.randomUUID(),
                UUID.randomUUID(), Instant.EPOCH, LocalDate.of(2026, 11, 2), null, null, VisitKind.INITIAL, null, null,
                Set.of(), f, w, s, l, null, null, null, null));
    }
}
