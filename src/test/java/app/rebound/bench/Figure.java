package app.rebound.bench;

import java.util.Locale;

/**
 * One line of the table: what was measured, its median, the target and whether it was met; or why it
 * was not measured.
 */
record Figure(String group, String name, String value, String target, Boolean met, String note) {

    static Figure measured(String group, String name, double value, String unit, String comparison, double target,
            String note) {
        boolean met = switch (comparison) {
            case "<=" -> value <= target;
            case "<" -> value < target;
            default -> throw new IllegalArgumentException(comparison);
        };
        return new Figure(group, name, format(value, unit), (comparison.equals("<=") ? "≤ " : "< ") + format(target, unit),
                met, note);
    }

    /** A figure shown for context, with no target of its own. */
    static Figure info(String group, String name, double value, String unit, String note) {
        return new Figure(group, name, format(value, unit), "—", null, note);
    }

    static Figure notMeasured(String group, String name, String target, String reason) {
        return new Figure(group, name, "not measured yet", target, null, reason);
    }

    String verdict() {
        if (value.equals("not measured yet")) {
            return "not measured yet";
        }
        return met == null ? "" : met ? "met" : "MISSED";
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case "ms" -> value < 10 ? String.format(Locale.ROOT, "%.2f ms", value)
                    : value < 100 ? String.format(Locale.ROOT, "%.1f ms", value)
                    : String.format(Locale.ROOT, "%.0f ms", value);
            case "s" -> String.format(Locale.ROOT, "%.1f s", value);
            case "x" -> String.format(Locale.ROOT, "%.2f×", value);
            case "MB" -> String.format(Locale.ROOT, "%.0f MB", value);
            default -> String.format(Locale.ROOT, "%.2f %s", value, unit);
        };
    }
}
