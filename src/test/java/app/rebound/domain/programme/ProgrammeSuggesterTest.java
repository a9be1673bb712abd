package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;

/** Each rule of clinical reference §9 on its own, then together, on the shipped library. */
class ProgrammeSuggesterTest {

    private static final ProgrammeSuggester SUGGESTER = ProgrammeSuggester.shipped();

    private static Programme suggest(Stage stage, FindingsFixture findings) {
        return suggest(stage, findings, null);
    }

    private static Programme suggest(Stage stage, FindingsFixture findings, String km) {
        return SUGGESTER.suggest(stage, SuggestedStage.WALK_RUN, findings.visit(), km == null ? null : new BigDecimal(km));
    }

    private static List<String> codes(Programme programme) {
        return programme.exercises().stream().map(ProgrammeItem::exercise).toList();
    }

    private static ProgrammeItem item(Programme programme, String code) {
        return programme.exercises().stream().filter(i -> i.exercise().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not in " + codes(programme)));
    }

    // ---------------------------------------------------------------- STAGE

    @ParameterizedTest
    @EnumSource(Stage.class)
    void nothingAgainstHerGivesTheStagesBaseEachWithTheReasonStage(Stage stage) {
        Programme programme = suggest(stage, new FindingsFixture());

        for (String code : StageBase.codes(stage)) {
            assertThat(item(programme, code).reasons()).as(code).contains(Reasons.STAGE);
        }
        assertThat(programme.exercises()).allSatisfy(i -> assertThat(i.reasons()).as(i.exercise()).isNotEmpty());
        assertThat(codes(programme)).doesNotHaveDuplicates().doesNotContain("strides", "buggy-run", "hill-walk-run");
        assertThat(programme.validate(code -> ExerciseLibrary.byCode(code).isPresent())).isEmpty();
    }

    // ---------------------------------------------------------------- DOWN_TRAIN

    @ParameterizedTest
    @CsvSource({"HIGH,COMPLETE,CONNECT", "HIGH,COMPLETE,WALK_RUN", "NORMAL,ABSENT,IMPACT_PREP", "HIGH,PARTIAL,BUILD"})
    void anOveractiveFloorRelaxesFirstAndIsNeverAskedToContract(Tone tone, Relaxation relaxation, Stage stage) {
        // MOS 1 and no Knack: DOWN_TRAIN overrides PF_FIND and KNACK
        Programme programme = suggest(stage, new FindingsFixture().floor(1, false, relaxation, tone));

        assertThat(codes(programme).subList(0, 2)).containsExactly("pf-relax-breathing", "pf-drop");
        assertThat(item(programme, "pf-drop").reasons()).containsExactly(Reasons.DOWN_TRAIN);
        assertThat(codes(programme)).noneMatch(code -> code.startsWith("pf-holds-") || code.startsWith("pf-quick-")
                || code.startsWith("tva-")).doesNotContain("pf-find", "pf-knack", "heel-slide", "pf-long-hold-standing");
        for (ProgrammeItem item : programme.exercises()) {
            Exercise worded = DownTrainWording.of(ExerciseLibrary.byCode(item.exercise()).orElseThrow());
            assertThat(texts(worded)).as(item.exercise()).noneMatch(ContractionCues::asksToContract);
        }
    }

    @Test
    void anExerciseWhoseWordsChangeForDownTrainingSaysSo() {
        Programme programme = suggest(Stage.LOW_LOAD, new FindingsFixture().floor(4, true, Relaxation.COMPLETE,
                Tone.HIGH));

        // "Breathe out, gently lift your pelvic floor and ..." becomes "Breathe out and ..."
        assertThat(item(programme, "bridge").reasons()).containsExactly(Reasons.STAGE, Reasons.DOWN_TRAIN);
        assertThat(DownTrainWording.of(ExerciseLibrary.byCode("bridge").orElseThrow()).instructions())
                .contains("Breathe out, then squeeze your bottom and lift your hips.");
    }

    static List<String> texts(Exercise e) {
        List<String> all = new ArrayList<>(e.instructions());
        all.addAll(e.cues());
        all.add(e.easier());
        all.add(e.harder());
        all.removeIf(Objects::isNull);
        return all;
    }

    // ---------------------------------------------------------------- PF_FIND

    @ParameterizedTest
    @CsvSource({"0,CONNECT", "1,CONNECT", "1,LOW_LOAD", "0,WALK_RUN"})
    void mosZeroOrOneFindsTheContractionWithNoCountedHolds(int power, Stage stage) {
        // the Knack absent and a gap: still no Knack practice and no heel slide while she finds it
        Programme programme = suggest(stage, new FindingsFixture().floor(power, false, Relaxation.COMPLETE,
                Tone.NORMAL).gap(IrdUnit.FINGER_WIDTHS, "3", true));

        assertThat(codes(programme).subList(0, 2)).containsExactly("pf-find", "breathing-pf");
        assertThat(item(programme, "pf-find").reasons()).contains(Reasons.PF_FIND);
        assertThat(codes(programme)).noneMatch(code -> code.startsWith("pf-holds-") || code.startsWith("pf-quick-")
                || code.startsWith("tva-")).doesNotContain("pf-knack", "heel-slide", "pf-long-hold-standing");
    }

    // ---------------------------------------------------------------- PF_DOSE, PF_DEFAULT

    @ParameterizedTest
    @CsvSource({"CONNECT,lying", "LOW_LOAD,sitting", "BUILD,standing", "IMPACT_PREP,standing", "WALK_RUN,standing",
        "RUN,standing"})
    void mosTwoOrMoreDosesHoldsAndQuickSqueezesFromPerfect(Stage stage, String position) {
        Programme programme = suggest(stage, new FindingsFixture().floor(2, true, Relaxation.COMPLETE, Tone.NORMAL));

        assertThat(codes(programme).subList(0, 2)).containsExactly("pf-holds-" + position, "pf-quick-" + position);
        ProgrammeItem holds = item(programme, "pf-holds-" + position);
        assertThat(holds.dose().holdSeconds()).isEqualTo(6);
        assertThat(holds.dose().reps()).isEqualTo(5);
        assertThat(holds.reasons()).containsExactly(Reasons.PF_DOSE);
        assertThat(item(programme, "pf-quick-" + position).dose().reps()).isEqualTo(8);
    }

    @Test
    void mosNotRecordedStartsHoldsAtTheFloorOfTheRange() {
        Programme programme = suggest(Stage.LOW_LOAD, new FindingsFixture().floor(null, null, null, null));

        ProgrammeItem holds = item(programme, "pf-holds-sitting");
        assertThat(holds.dose().holdSeconds()).isEqualTo(3);
        assertThat(holds.dose().reps()).isEqualTo(3);
        assertThat(holds.reasons()).containsExactly(Reasons.PF_DEFAULT);
        assertThat(item(programme, "pf-quick-sitting").dose().reps()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- KNACK

    @ParameterizedTest
    @EnumSource(Stage.class)
    void theKnackAbsentAddsItsPracticeWhateverTheStage(Stage stage) {
        assertThat(item(suggest(stage, new FindingsFixture().floor(3, false, Relaxation.COMPLETE, Tone.NORMAL)),
                "pf-knack").reasons()).containsExactly(Reasons.KNACK);
        assertThat(item(suggest(stage, new FindingsFixture().floor(null, false, null, null)), "pf-knack").reasons())
                .containsExactly(Reasons.KNACK);
        assertThat(codes(suggest(stage, new FindingsFixture().floor(3, null, Relaxation.COMPLETE, Tone.NORMAL))))
                .doesNotContain("pf-knack");
        assertThat(codes(suggest(stage, new FindingsFixture()))).doesNotContain("pf-knack");
    }

    // ---------------------------------------------------------------- STRENGTH:TEST:SIDE

    @Test
    void aSingleLegScoreUnderTwentyReplacesTheTwoLegBaseWithTheWeakerSideFirst() {
        Programme programme = suggest(Stage.LOW_LOAD, new FindingsFixture().strength(StrengthTest.SL_BRIDGE, 12, 18));

        int bridgeAt = codes(suggest(Stage.LOW_LOAD, new FindingsFixture())).indexOf("bridge");
        assertThat(codes(programme)).doesNotContain("bridge");
        assertThat(codes(programme).indexOf("single-leg-bridge")).isEqualTo(bridgeAt);
        ProgrammeItem bridge = item(programme, "single-leg-bridge");
        assertThat(bridge.reasons()).containsExactly("STRENGTH:SL_BRIDGE:LEFT", "STRENGTH:SL_BRIDGE:RIGHT");
        assertThat(bridge.dose().sets()).isEqualTo(3);
        assertThat(bridge.notes()).contains("weaker left side").contains("one extra set");
    }

    @Test
    void sidesWithinThreeRepetitionsGetNoWeakerSideNoteAndOnlyTheSideUnderTwentyIsAReason() {
        ProgrammeItem bridge = item(suggest(Stage.BUILD, new FindingsFixture().strength(StrengthTest.SL_BRIDGE, 20, 18)),
                "single-leg-bridge");

        assertThat(bridge.reasons()).containsExactly(Reasons.STAGE, "STRENGTH:SL_BRIDGE:RIGHT");
        assertThat(bridge.notes()).isNull();
    }

    @Test
    void underTenOnEitherSideGivesTheTwoLegVersionInPlaceOfTheSingleLegOne() {
        Programme programme = suggest(Stage.BUILD, new FindingsFixture().strength(StrengthTest.CALF_RAISE, 15, 8));

        assertThat(codes(programme)).contains("calf-raise").doesNotContain("single-leg-calf-raise");
        assertThat(item(programme, "calf-raise").reasons()).containsExactly("STRENGTH:CALF_RAISE:LEFT",
                "STRENGTH:CALF_RAISE:RIGHT");
        assertThat(item(programme, "calf-raise").dose().sets()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"9,2,10", "10,3,15", "19,3,15"})
    void sideAbductionHasItsOwnDoses(int reps, int sets, int doseReps) {
        ProgrammeItem item = item(suggest(Stage.LOW_LOAD, new FindingsFixture().strength(StrengthTest.SIDE_ABDUCTION,
                reps, 20)), "side-lying-abduction");

        assertThat(item.dose().sets()).isEqualTo(sets);
        assertThat(item.dose().reps()).isEqualTo(doseReps);
        assertThat(item.reasons()).contains("STRENGTH:SIDE_ABDUCTION:LEFT");
    }

    @Test
    void connectHasNoStrengthWork() {
        assertThat(codes(suggest(Stage.CONNECT, new FindingsFixture().strength(StrengthTest.SL_BRIDGE, 5, 5))))
                .doesNotContain("bridge", "single-leg-bridge");
    }

    // ---------------------------------------------------------------- STRENGTH_KEEP

    @Test
    void impactPrepKeepsTheFourStrengthExercisesEvenWhenEveryTestIsMet() {
        Programme programme = suggest(Stage.IMPACT_PREP, new FindingsFixture());

        for (String code : List.of("single-leg-calf-raise", "single-leg-bridge", "single-leg-sit-to-stand",
                "side-lying-abduction")) {
            assertThat(item(programme, code).reasons()).as(code).containsExactly(Reasons.STRENGTH_KEEP);
            assertThat(item(programme, code).dose().daysPerWeek()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @CsvSource({"WALK_RUN", "RUN"})
    void walkRunAndRunKeepStrengthThroughTheCircuit(Stage stage) {
        assertThat(item(suggest(stage, new FindingsFixture()), "strength-circuit").reasons())
                .containsExactly(Reasons.STRENGTH_KEEP);
    }

    // ---------------------------------------------------------------- LOAD_FAILED / LOAD_UNTESTED

    @ParameterizedTest
    @EnumSource(LoadTest.class)
    void aFailedTestCapsTheDrillsDropsItsOwnAndAddsItsPrecursor(LoadTest test) {
        Programme programme = suggest(Stage.IMPACT_PREP, new FindingsFixture().failed(test));

        int cap = ProgrammeSuggester.CAP.get(test);
        assertThat(codes(programme)).noneMatch(code -> ProgrammeSuggester.IMPACT_LEVEL.getOrDefault(code, 0) >= cap);
        if (ProgrammeSuggester.OWN_DRILL.containsKey(test)) {
            assertThat(codes(programme)).doesNotContain(ProgrammeSuggester.OWN_DRILL.get(test));
        }
        for (String precursor : ProgrammeSuggester.PRECURSORS.get(test)) {
            assertThat(item(programme, precursor).reasons()).as(precursor).contains("LOAD_FAILED:" + test.name());
        }
        // the drills under the cap stay
        assertThat(codes(programme)).containsAll(ProgrammeSuggester.IMPACT_LEVEL.entrySet().stream()
                .filter(e -> e.getValue() < cap).map(Map.Entry::getKey).toList());
    }

    @Test
    void precursorsHaveTheirOwnDoses() {
        Programme programme = suggest(Stage.LOW_LOAD, new FindingsFixture().failed(LoadTest.WALK)
                .failed(LoadTest.SL_BALANCE));

        assertThat(item(programme, "walking").notes()).isEqualTo("Walk for 10 to 20 minutes.");
        assertThat(item(programme, "single-leg-balance").dose().holdSeconds()).isEqualTo(5);
        assertThat(codes(programme)).noneMatch(ProgrammeSuggester.IMPACT_LEVEL::containsKey);
    }

    @ParameterizedTest
    @EnumSource(LoadTest.class)
    void anUntestedTestCapsLikeAFailedOneButAddsNothing(LoadTest test) {
        Programme programme = suggest(Stage.IMPACT_PREP, new FindingsFixture().load(test, null));

        int cap = ProgrammeSuggester.CAP.get(test);
        assertThat(codes(programme)).noneMatch(code -> ProgrammeSuggester.IMPACT_LEVEL.getOrDefault(code, 0) >= cap);
        assertThat(programme.exercises()).noneMatch(i -> i.reasons().stream().anyMatch(r -> r.startsWith("LOAD_")));
    }

    @Test
    void oneSideNotRecordedIsUntested() {
        Programme programme = suggest(Stage.IMPACT_PREP, new FindingsFixture().load(LoadTest.HOP,
                new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.PASS), null))));

        assertThat(codes(programme)).doesNotContain("single-leg-hops", "forward-bounds", "running-man")
                .contains("squat-jumps");
    }

    // ---------------------------------------------------------------- DRA

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"FINGER_WIDTHS,2,-", "CM,2.5,-", "MM,20,-", "-,-,true"})
    void aGapOrDomingSwapsPlanksAndDeadBugsForHeelSlidesAndCuesTheRest(IrdUnit unit, String gap, Boolean doming) {
        Programme low = suggest(Stage.LOW_LOAD, new FindingsFixture().gap(unit, gap, doming));
        Programme build = suggest(Stage.BUILD, new FindingsFixture().gap(unit, gap, doming));

        assertThat(codes(low)).doesNotContain("dead-bug", "side-plank").contains("heel-slide");
        assertThat(codes(build)).doesNotContain("dead-bug", "side-plank").contains("heel-slide");
        assertThat(item(low, "heel-slide").reasons()).contains(Reasons.DRA);
        assertThat(item(low, "bird-dog").reasons()).containsExactly(Reasons.STAGE, Reasons.DRA);
        assertThat(item(low, "bird-dog").notes()).isEqualTo("If your tummy domes or bulges, make it easier.");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"FINGER_WIDTHS,1.5", "CM,1.9", "MM,19", "-,3"})
    void aSmallerGapOrOneWithoutAUnitIsNoDiastasis(IrdUnit unit, String gap) {
        assertThat(codes(suggest(Stage.LOW_LOAD, new FindingsFixture().gap(unit, gap, false))))
                .contains("dead-bug").doesNotContain("heel-slide");
    }

    @Test
    void domingSeenDuringALoadTestCountsAndTheCircuitIsDoneFromTheKnees() {
        FindingsFixture findings = new FindingsFixture().load(LoadTest.JOG_SPOT,
                new LoadEntry.Whole(LoadResult.of(TestStatus.PASS, TestSymptom.DOMING)));

        ProgrammeItem circuit = item(suggest(Stage.WALK_RUN, findings), "strength-circuit");
        assertThat(circuit.reasons()).contains(Reasons.DRA);
        assertThat(circuit.notes()).contains("domes or bulges").contains("side plank from your knees");
    }

    // ---------------------------------------------------------------- WALK_RUN_START

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-,60,120,8", "0,60,120,8", "9.9,60,120,8", "10,60,90,10", "30,60,90,10",
        "30.5,120,60,8", "40,120,60,8"})
    void thePlanStartsFromHerRunningBeforePregnancy(String km, int run, int walk, int repeats) {
        Programme programme = suggest(Stage.WALK_RUN, new FindingsFixture(), km);

        assertThat(programme.walkRun().get(0)).isEqualTo(new WalkRunWeek(1, 3, run, walk, repeats));
        ProgrammeItem intervals = item(programme, ExerciseLibrary.WALK_RUN_INTERVALS);
        assertThat(intervals.reasons()).containsExactly(Reasons.STAGE, Reasons.WALK_RUN_START);
        assertThat(intervals.dose().reps()).isEqualTo(repeats);
        assertThat(intervals.dose().daysPerWeek()).isEqualTo(3);
    }

    @Test
    void onlyWalkRunHasAPlan() {
        for (Stage stage : Stage.values()) {
            assertThat(suggest(stage, new FindingsFixture()).walkRun().isEmpty()).as(stage.name())
                    .isEqualTo(stage != Stage.WALK_RUN);
        }
    }

    // ---------------------------------------------------------------- together

    @Test
    void anExerciseNamedByTwoRulesAppearsOnceWithAllReasonsAndTheLargerDose() {
        // a failed hop adds the single-leg calf raise; a calf raise of 15 asks for it; impact prep keeps it
        Programme programme = suggest(Stage.IMPACT_PREP, new FindingsFixture().failed(LoadTest.HOP)
                .strength(StrengthTest.CALF_RAISE, 15, 20));

        assertThat(codes(programme)).containsOnlyOnce("single-leg-calf-raise");
        ProgrammeItem calf = item(programme, "single-leg-calf-raise");
        assertThat(calf.reasons()).containsExactly("STRENGTH:CALF_RAISE:LEFT", Reasons.STRENGTH_KEEP,
                "LOAD_FAILED:HOP");
        assertThat(calf.dose().sets()).isEqualTo(3);
        assertThat(calf.notes()).contains("weaker left side");
    }

    @Test
    void leakingOnJogBoundsAndHopsWithNoKnackGetsNoneOfThoseTasksAndTheKnack() {
        FindingsFixture findings = new FindingsFixture().floor(3, false, Relaxation.COMPLETE, Tone.NORMAL);
        for (LoadTest test : List.of(LoadTest.JOG_SPOT, LoadTest.FWD_BOUNDS, LoadTest.HOP)) {
            findings.load(test, test.oneSided()
                    ? new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE),
                            LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE)))
                    : new LoadEntry.Whole(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE)));
        }

        Programme programme = suggest(Stage.IMPACT_PREP, findings);

        assertThat(codes(programme)).doesNotContain("jog-on-spot", "squat-jumps", "forward-bounds", "single-leg-hops",
                "double-leg-hops", "skipping", "running-man").contains("marching", "stomping", "pf-knack",
                "split-squat", "step-up", "single-leg-calf-raise", "pf-holds-standing");
        assertThat(item(programme, "marching").reasons()).containsExactly(Reasons.STAGE, "LOAD_FAILED:JOG_SPOT");
        assertThat(item(programme, "split-squat").reasons()).containsExactly("LOAD_FAILED:FWD_BOUNDS");
    }

    @Test
    void aReferVisitGetsNoProgramme() {
        FindingsFixture flagged = new FindingsFixture();
        flagged.redFlags = Set.of(RedFlag.FEVER);

        assertThatThrownBy(() -> SUGGESTER.suggest(Stage.CONNECT, SuggestedStage.CONNECT, flagged.visit(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SUGGESTER.suggest(null, SuggestedStage.REFER, new FindingsFixture().visit(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
