package app.rebound.domain;

/** The limits of a patient record, shared by the dialog, the validator, the store and the record format. */
public final class PatientRules {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int PHONE_MAX_LENGTH = 40;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int GOAL_MAX_LENGTH = 500;
    public static final int NOTES_MAX_LENGTH = 20_000;

    /** Running before pregnancy. */
    public static final DecimalRange PREVIOUS_WEEKLY_RUN_KM = DecimalRange.of("0", "300", 2, "km a week");

    /** A plausible age for a patient of this clinic, in years, on the day she is recorded. */
    public static final IntRange PLAUSIBLE_AGE_YEARS = new IntRange(12, 100, "years");

    private PatientRules() {
    }
}
