package app.rebound.domain.visit;

import java.util.Optional;

/**
 * What the product suggests for a visit (clinical reference section 8): REFER, or a stage up to
 * WALK_RUN. RUN is never suggested: the clinician chooses it.
 */
public enum SuggestedStage {
    REFER(null),
    CONNECT(Stage.CONNECT),
    LOW_LOAD(Stage.LOW_LOAD),
    BUILD(Stage.BUILD),
    IMPACT_PREP(Stage.IMPACT_PREP),
    WALK_RUN(Stage.WALK_RUN);

    private final Stage stage;

    SuggestedStage(Stage stage) {
        this.stage = stage;
    }

    /** The programme stage, empty for REFER (no programme is issued). */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }
}
