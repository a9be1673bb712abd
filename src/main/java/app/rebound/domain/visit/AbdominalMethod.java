package app.rebound.domain.visit;

/** How the inter-rectus distance was measured. */
public enum AbdominalMethod {
    PALPATION,
    CALIPER,
    ULTRASOUND
}
