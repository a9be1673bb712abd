package app.rebound.domain;

/** How a baby was born (record format BIRTH.mode). */
public enum BirthMode {
    VAGINAL,
    ASSISTED_VAGINAL,
    PLANNED_CAESAREAN,
    EMERGENCY_CAESAREAN
}
