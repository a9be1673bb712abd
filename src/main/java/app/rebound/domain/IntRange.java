package app.rebound.domain;

/** The allowed values of a whole-number measure, with its unit and, where it has one, its scale's name. */
public record IntRange(int min, int max, String unit, String scale) {

    public IntRange(int min, int max, String unit) {
        this(min, max, unit, "");
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** "0–5" or "0–10 s" as shown in messages. */
    public String describe() {
        return min + "–" + max + (unit.isEmpty() ? "" : " " + Messages.unit(unit));
    }

    /** "0–5 (Modified Oxford Scale)": the range with its scale, for messages. */
    public String describeWithScale() {
        return describe() + (scale.isEmpty() ? "" : " (" + scale + ")");
    }
}
