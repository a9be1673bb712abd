package app.rebound.domain.visit;

/** Symptoms seen during a load and impact test. */
public enum TestSymptom {
    LEAKAGE,
    HEAVINESS,
    PAIN,
    DOMING
}
