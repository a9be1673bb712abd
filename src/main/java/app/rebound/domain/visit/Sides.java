package app.rebound.domain.visit;

/** A value for the left and the right side; either may be null (not recorded). */
public record Sides<T>(T left, T right) {

    public T get(Side side) {
        return side == Side.LEFT ? left : right;
    }

    public boolean isEmpty() {
        return left == null && right == null;
    }

    public static <T> Sides<T> of(T left, T right) {
        return new Sides<>(left, right);
    }
}
