package app.rebound.domain.visit;

/** The single-leg strength tests: repetitions to fatigue on each side, target 20 (Goom et al. 2019). */
public enum StrengthTest {
    CALF_RAISE,
    SL_BRIDGE,
    SL_SIT_STAND,
    SIDE_ABDUCTION;

    /** Repetitions on each side that meet the guideline. */
    public static final int TARGET_REPETITIONS = 20;

    /** Under this on either side the patient starts with low-load work (stage rule 3). */
    public static final int LOW_LOAD_BELOW = 10;
}
