package app.rebound.domain.programme;

import java.util.Locale;

import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.StrengthTest;

/**
 * The codes that say why an exercise is in a programme (clinical reference §9). A code is a rule's name,
 * with the test and side it is about where the rule has them ({@code STRENGTH:SL_BRIDGE:LEFT}).
 */
public final class Reasons {

    /** The stage's base exercises. */
    public static final String STAGE = "STAGE";
    public static final String DOWN_TRAIN = "DOWN_TRAIN";
    public static final String PF_FIND = "PF_FIND";
    public static final String PF_DOSE = "PF_DOSE";
    public static final String PF_DEFAULT = "PF_DEFAULT";
    public static final String KNACK = "KNACK";
    public static final String STRENGTH_KEEP = "STRENGTH_KEEP";
    public static final String DRA = "DRA";
    public static final String WALK_RUN_START = "WALK_RUN_START";
    /** Added by the clinician in the programme builder. */
    public static final String CLINICIAN = "CLINICIAN";
    /** Read from a record file, which does not carry reasons. */
    public static final String IMPORTED = "IMPORTED";

    static final String STRENGTH = "STRENGTH";
    static final String LOAD_FAILED = "LOAD_FAILED";
    static final String LOAD_UNTESTED = "LOAD_UNTESTED";

    private Reasons() {
    }

    /** {@code STRENGTH:TEST:SIDE}: the test was under 20 on that side. */
    public static String strength(StrengthTest test, Side side) {
        return STRENGTH + ":" + test.name() + ":" + side.name();
    }

    /** {@code LOAD_FAILED:TEST}: the test was recorded with symptoms or incomplete. */
    public static String loadFailed(LoadTest test) {
        return LOAD_FAILED + ":" + test.name();
    }

    /** {@code LOAD_UNTESTED:TEST}: the test was not recorded. */
    public static String loadUntested(LoadTest test) {
        return LOAD_UNTESTED + ":" + test.name();
    }

    /** The rule's name of a code: {@code STRENGTH} for {@code STRENGTH:SL_BRIDGE:LEFT}. */
    public static String rule(String code) {
        int colon = code.indexOf(':');
        return (colon < 0 ? code : code.substring(0, colon)).toUpperCase(Locale.ROOT);
    }
}
