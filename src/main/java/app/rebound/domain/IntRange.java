package app.rebound.domain;

/** The allowed values of a whole-number measure, with its unit. */
public record IntRange(int min, int max, String unit) {

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** "0–5" or "0–10 s" as shown in messages. */
    public String describe() {
        return min + "–" + max + (unit.isEmpty() ? "" : " " + unit);
    }
}
