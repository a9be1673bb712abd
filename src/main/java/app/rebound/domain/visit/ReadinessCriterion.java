package app.rebound.domain.visit;

/** The criteria for starting walk-run, in the order of clinical reference section 8. */
public enum ReadinessCriterion {
    WEEKS_SINCE_BIRTH,
    NO_RED_FLAGS,
    NO_SYMPTOMS,
    PELVIC_FLOOR,
    LOAD_IMPACT_TESTS,
    STRENGTH_TESTS;

    /** At least 12 weeks (84 days) since the most recent birth before running or impact work. */
    public static final int MIN_DAYS_SINCE_BIRTH = 84;

    /** Modified Oxford power needed for the pelvic floor criterion. */
    public static final int MIN_POWER = 3;
}
