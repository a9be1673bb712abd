package app.rebound.domain.visit;

/** Medical warning signs: any present means stop and refer (clinical reference section 7). */
public enum RedFlag {
    HEAVY_OR_LATE_BLEEDING,
    CALF_PAIN_SWELLING,
    CHEST_PAIN_BREATHLESSNESS,
    FEVER,
    SEVERE_HEADACHE_VISION,
    SELF_HARM_THOUGHTS,
    WOUND_INFECTION,
    BONE_STRESS_OR_REDS
}
