package app.rebound.domain;

/** Perineal trauma at a birth (record format BIRTH.perinealTrauma). */
public enum PerinealTrauma {
    NONE,
    TEAR_1,
    TEAR_2,
    TEAR_3,
    TEAR_4,
    EPISIOTOMY
}
