package app.rebound.domain.visit;

/** The outcome of a load and impact test. NOT_TESTED is the same as not recorded. */
public enum TestStatus {
    PASS,
    SYMPTOMS,
    INCOMPLETE,
    NOT_TESTED
}
