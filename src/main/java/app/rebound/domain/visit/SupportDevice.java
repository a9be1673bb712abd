package app.rebound.domain.visit;

/** A support the patient uses for prolapse or pelvic floor symptoms. */
public enum SupportDevice {
    NONE,
    PESSARY,
    SUPPORT_GARMENT,
    OTHER
}
