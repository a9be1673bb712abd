package app.rebound.domain.visit;

/** Left or right. */
public enum Side {
    LEFT,
    RIGHT
}
