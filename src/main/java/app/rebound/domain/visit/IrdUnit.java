package app.rebound.domain.visit;

/** The unit of an inter-rectus distance; finger widths are never converted. */
public enum IrdUnit {
    FINGER_WIDTHS,
    CM,
    MM
}
