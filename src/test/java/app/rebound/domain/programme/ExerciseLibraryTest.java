package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.rebound.domain.programme.SvgPath.Bounds;
import app.rebound.domain.visit.Stage;

class ExerciseLibraryTest {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");
    /** Only these letters may appear in path data: the commands and a number's exponent. */
    private static final Pattern PATH_CHARACTERS = Pattern.compile("[MmLlHhVvCcQqAaZz0-9eE.,+\\-\\s]*");
    /** Strokes are drawn about 2.5 units wide: keep their centre lines this far inside the box. */
    private static final double MARGIN = 1.25;

    private final List<Exercise> library = ExerciseLibrary.shipped();

    static Stream<Arguments> exercises() {
        return ExerciseLibrary.shipped().stream().map(e -> Arguments.of(e.code(), e));
    }

    @Test
    void shipsAtLeast44Exercises() {
        assertThat(library).hasSizeGreaterThanOrEqualTo(44);
    }

    @Test
    void everyStageHasAtLeastFiveAndTheEarlyStagesMore() {
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        library.forEach(e -> counts.merge(e.stage(), 1, Integer::sum));
        for (Stage stage : Stage.values()) {
            assertThat(counts.getOrDefault(stage, 0)).as(stage.name()).isGreaterThanOrEqualTo(5);
        }
        assertThat(counts.get(Stage.CONNECT)).isGreaterThan(5);
        assertThat(counts.get(Stage.LOW_LOAD)).isGreaterThan(5);
        assertThat(counts.get(Stage.BUILD)).isGreaterThan(5);
    }

    @Test
    void exercisesComeInStageOrder() {
        for (int i = 1; i < library.size(); i++) {
            assertThat(library.get(i).stage()).as(library.get(i).code())
                    .isGreaterThanOrEqualTo(library.get(i - 1).stage());
        }
    }

    @Test
    void codesAreWellFormedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Exercise e : library) {
            assertThat(e.code()).matches(CODE);
            assertThat(seen.add(e.code())).as("duplicate " + e.code()).isTrue();
        }
    }

    @Test
    void namesAreUnique() {
        assertThat(library.stream().map(Exercise::name).distinct().count()).isEqualTo(library.size());
    }

    @Test
    void theListIsCachedAndCannotBeChanged() {
        assertThat(ExerciseLibrary.shipped()).isSameAs(library);
        assertThatThrownBy(() -> library.add(library.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> library.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> library.get(0).instructions().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findsEveryExerciseByItsCode() {
        for (Exercise e : library) {
            assertThat(ExerciseLibrary.byCode(e.code())).containsSame(e);
        }
        assertThat(ExerciseLibrary.byCode("no-such-exercise")).isEmpty();
        assertThat(ExerciseLibrary.byCode("BRIDGE")).isEmpty();
        assertThat(ExerciseLibrary.byCode(null)).isEmpty();
    }

    @Test
    void forStageKeepsLibraryOrder() {
        List<Exercise> all = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<Exercise> ofStage = ExerciseLibrary.forStage(stage);
            assertThat(ofStage).allMatch(e -> e.stage() == stage);
            all.addAll(ofStage);
        }
        assertThat(all).isEqualTo(library);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void defaultDoseIsValid(String code, Exercise e) {
        assertThat(e.defaultDose()).isNotNull();
        assertThat(e.defaultDose().validate("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void hasEverythingAPatientNeeds(String code, Exercise e) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(e.name()).as("name").isNotBlank();
        soft.assertThat(e.purpose()).as("purpose").isNotBlank();
        soft.assertThat(e.instructions()).as("instructions").hasSizeBetween(3, 6);
        soft.assertThat(e.instructions()).as("instructions").allSatisfy(step -> assertThat(step).isNotBlank());
        soft.assertThat(e.cues()).as("cues").isNotEmpty();
        soft.assertThat(e.cues()).as("cues").allSatisfy(cue -> assertThat(cue).isNotBlank());
        soft.assertThat(e.easier()).as("easier").isNotBlank();
        soft.assertThat(e.harder()).as("harder").isNotBlank();
        for (String text : texts(e)) {
            soft.assertThat(text).as("sentence ends with a full stop or question mark").matches("(?s).*[.?]$");
            soft.assertThat(text).as("no double spaces").doesNotContain("  ");
        }
        soft.assertThat(oneSentence(e.easier())).as("easier is one sentence: " + e.easier()).isTrue();
        soft.assertThat(oneSentence(e.harder())).as("harder is one sentence: " + e.harder()).isTrue();
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void textIsBritishAndPlain(String code, Exercise e) {
        String all = String.join(" ", texts(e)).toLowerCase();
        // American spellings and clinical words a patient should not have to know
        for (String word : List.of("color", "center", "favor", "behavior", "pelvic floor muscle training",
                "contraction", "transversus", "abdominis", "perineum", "posterior", "anterior", "isometric",
                "eccentric", "bilateral", "unilateral", "mos ", "perfect")) {
            assertThat(all).as(code).doesNotContain(word);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void mentionsBreathing(String code, Exercise e) {
        String all = String.join(" ", texts(e)).toLowerCase();
        assertThat(all).containsAnyOf("breath", "breathe");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void illustrationIsDrawableAndInsideTheBox(String code, Exercise e) {
        Illustration drawing = e.illustration();
        assertThat(drawing).isNotNull();
        assertThat(drawing.strokes()).isNotEmpty();
        // every drawing has a figure, whose head is a circle made of arcs
        assertThat(drawing.strokes()).anyMatch(d -> d.contains("a"));
        List<String> paths = new ArrayList<>(drawing.strokes());
        paths.addAll(drawing.fills());
        for (String data : paths) {
            assertThat(data).as(code + ": only path commands and numbers").matches(PATH_CHARACTERS);
            List<SvgPath.Segment> segments = SvgPath.parse(data);
            assertThat(segments).as(code + ": " + data).isNotEmpty();
            assertThat(segments.get(0)).isInstanceOf(SvgPath.MoveTo.class);
            Bounds box = SvgPath.bounds(segments);
            assertThat(box.within(MARGIN, MARGIN, Illustration.WIDTH - MARGIN, Illustration.HEIGHT - MARGIN))
                    .as(code + ": " + box + " for " + data).isTrue();
        }
    }

    @Test
    void exactlyOneFindYourPelvicFloorLyingDown() {
        List<Exercise> find = library.stream().filter(e -> e.kind() == ExerciseKind.PELVIC_FLOOR_FIND).toList();
        assertThat(find).hasSize(1);
        Exercise e = find.get(0);
        assertThat(e.stage()).isEqualTo(Stage.CONNECT);
        assertThat(e.name().toLowerCase()).contains("find your pelvic floor");
        assertThat(String.join(" ", e.instructions()).toLowerCase()).contains("lie on your back");
    }

    @Test
    void pelvicFloorHoldsAndQuickSqueezesInThreePositions() {
        Map<String, ExerciseKind> expected = Map.of(
                "pf-holds-lying", ExerciseKind.PELVIC_FLOOR_HOLDS,
                "pf-holds-sitting", ExerciseKind.PELVIC_FLOOR_HOLDS,
                "pf-holds-standing", ExerciseKind.PELVIC_FLOOR_HOLDS,
                "pf-quick-lying", ExerciseKind.PELVIC_FLOOR_QUICK,
                "pf-quick-sitting", ExerciseKind.PELVIC_FLOOR_QUICK,
                "pf-quick-standing", ExerciseKind.PELVIC_FLOOR_QUICK);
        expected.forEach((code, kind) -> {
            Exercise e = ExerciseLibrary.byCode(code).orElseThrow(() -> new AssertionError("missing " + code));
            assertThat(e.kind()).as(code).isEqualTo(kind);
            assertThat(e.stage()).as(code).isEqualTo(Stage.CONNECT);
        });
        assertThat(library.stream().filter(e -> e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS)).hasSize(3);
        assertThat(library.stream().filter(e -> e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK)).hasSize(3);
    }

    @Test
    void pelvicFloorDosesLookLikeHoldsAndQuickSqueezes() {
        for (Exercise e : library) {
            if (e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS) {
                assertThat(e.defaultDose().holdSeconds()).as(e.code()).isBetween(3, 10);
                assertThat(e.defaultDose().reps()).as(e.code()).isBetween(3, 10);
            }
            if (e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK) {
                assertThat(e.defaultDose().holdSeconds()).as(e.code()).isZero();
                assertThat(e.defaultDose().reps()).as(e.code()).isBetween(3, 10);
            }
        }
    }

    @Test
    void pelvicFloorExercisesSayToLetGoFully() {
        for (Exercise e : library) {
            if (e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS || e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK
                    || e.kind() == ExerciseKind.PELVIC_FLOOR_FIND) {
                String all = String.join(" ", texts(e)).toLowerCase();
                assertThat(all).as(e.code()).contains("let go").contains("relax");
            }
        }
    }

    @Test
    void relaxationAndDownTrainingForAnOveractiveFloor() {
        List<Exercise> relaxation = library.stream()
                .filter(e -> e.stage() == Stage.CONNECT && e.kind() == ExerciseKind.RELAXATION).toList();
        assertThat(relaxation).hasSizeGreaterThanOrEqualTo(3);
        assertThat(relaxation).extracting(Exercise::code)
                .contains("pf-relax-breathing", "pf-drop", "child-pose-breathing");
        for (Exercise e : relaxation) {
            String steps = String.join(" ", e.instructions()).toLowerCase();
            assertThat(steps).as(e.code()).doesNotContain("squeeze and lift");
        }
        // a programme that takes the first three relaxation exercises gets pure down-training
        assertThat(library.stream().filter(e -> e.kind() == ExerciseKind.RELAXATION).limit(3))
                .extracting(Exercise::code).containsExactly("pf-relax-breathing", "pf-drop", "child-pose-breathing");
    }

    @Test
    void theStagesHoldWhatTheClinicalReferenceNames() {
        Map<Stage, List<String>> named = new EnumMap<>(Stage.class);
        named.put(Stage.CONNECT, List.of("breathing-pf", "pf-find", "pf-holds-lying", "pf-quick-lying",
                "pf-holds-sitting", "pf-quick-sitting", "pf-holds-standing", "pf-quick-standing",
                "pf-relax-breathing", "pf-drop", "child-pose-breathing", "tva-activation", "walking"));
        named.put(Stage.LOW_LOAD, List.of("bridge", "clamshell", "side-lying-abduction", "sit-to-stand",
                "slow-squat", "calf-raise", "dead-bug", "bird-dog"));
        named.put(Stage.BUILD, List.of("single-leg-bridge", "single-leg-sit-to-stand", "single-leg-calf-raise",
                "split-squat", "step-up", "side-plank", "pf-long-hold-standing"));
        named.put(Stage.IMPACT_PREP, List.of("marching", "stomping", "jog-on-spot", "squat-jumps",
                "forward-bounds", "double-leg-hops", "single-leg-hops", "running-man", "skipping"));
        named.put(Stage.WALK_RUN, List.of("walk-run-intervals", "warm-up-walk", "cool-down", "strength-circuit",
                "post-run-check"));
        named.put(Stage.RUN, List.of("easy-run", "run-longer", "buggy-run", "strides", "hill-walk-run"));
        named.forEach((stage, codes) -> codes.forEach(code -> assertThat(ExerciseLibrary.byCode(code))
                .as(code).hasValueSatisfying(e -> assertThat(e.stage()).as(code).isEqualTo(stage))));
    }

    @Test
    void standingBaselineHoldIsGeneralAndLong() {
        Exercise e = ExerciseLibrary.byCode("pf-long-hold-standing").orElseThrow();
        assertThat(e.kind()).isEqualTo(ExerciseKind.GENERAL);
        assertThat(e.defaultDose().holdSeconds()).isEqualTo(60);
        assertThat(String.join(" ", e.instructions())).contains("60 seconds");
    }

    @Test
    void buggyRunningNotBeforeAboutSixMonths() {
        Exercise e = ExerciseLibrary.byCode("buggy-run").orElseThrow();
        assertThat(e.purpose()).contains("6 months");
    }

    @Test
    void walkRunStartsWithShortRunsAndStopsOnSymptoms() {
        Exercise e = ExerciseLibrary.byCode("walk-run-intervals").orElseThrow();
        String all = String.join(" ", texts(e)).toLowerCase();
        // the run and walk times are the week's, from the plan printed beside it: no fixed times in the steps
        assertThat(String.join(" ", e.instructions()).toLowerCase()).contains("your walk-run plan gives the times")
                .doesNotContainPattern("\\d+ minutes? and walk");
        assertThat(all).contains("stop and walk");
        assertThat(all).contains("10 percent");
        assertThat(all).contains("one thing at a time");
        assertThat(e.defaultDose().daysPerWeek()).isEqualTo(3);
    }

    @Test
    void impactWorkWarnsAboutSymptoms() {
        for (Exercise e : ExerciseLibrary.forStage(Stage.IMPACT_PREP)) {
            assertThat(String.join(" ", e.cues()).toLowerCase()).as(e.code()).contains("leak");
        }
    }

    @Test
    void strengthStagesExhaleOnEffort() {
        for (Stage stage : List.of(Stage.LOW_LOAD, Stage.BUILD)) {
            for (Exercise e : ExerciseLibrary.forStage(stage)) {
                if (e.code().equals("single-leg-balance") || e.code().equals("pf-long-hold-standing")
                        || e.code().equals("side-plank")) {
                    continue; // held positions: keep breathing rather than breathe out on effort
                }
                String all = String.join(" ", texts(e)).toLowerCase();
                assertThat(all).as(e.code()).contains("breathe out");
            }
        }
    }

    private static List<String> texts(Exercise e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.purpose());
        texts.addAll(e.instructions());
        texts.addAll(e.cues());
        texts.add(e.easier());
        texts.add(e.harder());
        return texts;
    }

    /** One sentence: ends with a full stop and has no full stop followed by another sentence inside. */
    private static boolean oneSentence(String text) {
        String body = text.substring(0, text.length() - 1);
        return text.endsWith(".") && !body.matches("(?s).*[.!?]\\s+[A-Z].*");
    }
}
