package app.rebound.domain.programme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.rebound.domain.visit.Stage;

/**
 * Each stage's base exercises (clinical reference §6 and §9), before the visit's findings change them.
 * Pelvic floor holds and quick squeezes are not here: the pelvic floor rules (PF_DOSE, PF_DEFAULT,
 * PF_FIND, DOWN_TRAIN) give them, at every stage. Speed work, hills and buggy running are never in a first
 * programme: the clinician adds them when she judges it is time. docs/clinical-notes.md lists these sets.
 */
final class StageBase {

    private static final Map<Stage, List<String>> BASE = new EnumMap<>(Map.of(
            Stage.CONNECT, List.of("breathing-pf", "tva-activation", "walking"),
            Stage.LOW_LOAD, List.of("bridge", "clamshell", "side-lying-abduction", "sit-to-stand", "slow-squat",
                    "calf-raise", "dead-bug", "bird-dog"),
            Stage.BUILD, List.of("single-leg-bridge", "single-leg-sit-to-stand", "single-leg-calf-raise",
                    "split-squat", "step-up", "side-plank", "pf-long-hold-standing"),
            Stage.IMPACT_PREP, List.of("marching", "stomping", "jog-on-spot", "squat-jumps", "double-leg-hops",
                    "skipping", "forward-bounds", "single-leg-hops", "running-man"),
            Stage.WALK_RUN, List.of("warm-up-walk", ExerciseLibrary.WALK_RUN_INTERVALS, "cool-down",
                    "post-run-check"),
            Stage.RUN, List.of("warm-up-walk", "easy-run", "run-longer", "cool-down", "post-run-check")));

    private StageBase() {
    }

    /** The stage's base exercise codes, in the order a first programme lists them. */
    static List<String> codes(Stage stage) {
        return BASE.get(stage);
    }
}
