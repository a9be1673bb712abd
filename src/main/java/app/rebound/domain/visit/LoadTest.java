package app.rebound.domain.visit;

/**
 * The load and impact management tests (Goom et al. 2019), each with its target; all must be done
 * without pain, heaviness, dragging or incontinence. One-sided tests are recorded per side.
 */
public enum LoadTest {
    WALK(false, 30, "min"),
    SL_BALANCE(true, 10, "s"),
    SL_SQUAT(true, 10, "reps"),
    JOG_SPOT(false, 1, "min"),
    FWD_BOUNDS(false, 10, "reps"),
    HOP(true, 10, "reps"),
    RUNNING_MAN(true, 10, "reps");

    private final boolean oneSided;
    private final int target;
    private final String unit;

    LoadTest(boolean oneSided, int target, String unit) {
        this.oneSided = oneSided;
        this.target = target;
        this.unit = unit;
    }

    /** Recorded for the left and right leg separately. */
    public boolean oneSided() {
        return oneSided;
    }

    public int target() {
        return target;
    }

    /** "min", "s" or "reps". */
    public String unit() {
        return unit;
    }
}
