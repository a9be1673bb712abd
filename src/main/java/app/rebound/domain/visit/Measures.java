package app.rebound.domain.visit;

import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;

/**
 * Every measure of a visit with its unit and allowed values (record format VISIT): defined once
 * here and read by the form, the validator, the store and the record format.
 */
public final class Measures {

    public static final DecimalRange SLEEP_HOURS = DecimalRange.of("0", "24", 2, "hours a night");
    public static final DecimalRange BMI = DecimalRange.of("10", "80", 2, "kg/m²");

    public static final IntRange PAIN_NRS = new IntRange(0, 10, "", "numeric pain rating");
    public static final IntRange RUN_SYMPTOM_ONSET_MINUTES = new IntRange(0, 600, "min");

    public static final IntRange POWER = new IntRange(0, 5, "", "Modified Oxford Scale");
    public static final IntRange ENDURANCE_SECONDS = new IntRange(0, 10, "s");
    public static final IntRange REPETITIONS = new IntRange(0, 10, "");
    public static final IntRange FAST_CONTRACTIONS = new IntRange(0, 10, "");
    public static final IntRange STANDING_SUBMAX_HOLD_SECONDS = new IntRange(0, 120, "s");

    public static final DecimalRange IRD_FINGER_WIDTHS = DecimalRange.of("0", "20", 2, "finger widths");
    public static final DecimalRange IRD_CM = DecimalRange.of("0", "20", 2, "cm");
    public static final DecimalRange IRD_MM = DecimalRange.of("0", "200", 2, "mm");

    public static final IntRange STRENGTH_REPETITIONS = new IntRange(0, 200, "reps");

    public static final IntRange PSFS_SCORE = new IntRange(0, 10, "", "Patient-Specific Functional Scale");
    public static final IntRange ICIQ_UI_SF = new IntRange(0, 21, "", "ICIQ-UI Short Form");
    public static final IntRange PGI_I = new IntRange(1, 7, "", "PGI-I");

    public static final int NOTES_MAX_LENGTH = 20_000;
    public static final int CLINICIAN_MAX_LENGTH = 200;
    public static final int PSFS_ACTIVITY_MAX_LENGTH = 200;

    private Measures() {
    }

    /** The inter-rectus distance range for a unit; finger widths when the unit is not recorded. */
    public static DecimalRange ird(IrdUnit unit) {
        if (unit == null) {
            return IRD_FINGER_WIDTHS;
        }
        return switch (unit) {
            case FINGER_WIDTHS -> IRD_FINGER_WIDTHS;
            case CM -> IRD_CM;
            case MM -> IRD_MM;
        };
    }
}
