package app.rebound.ui.visit;

import java.math.BigDecimal;

import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;
import app.rebound.domain.Messages;

/**
 * A number typed into the form, checked against its range from {@code domain.visit.Measures}.
 * Empty text is "not assessed". Text that is not a number in range has an error and stays on screen
 * as typed, while the value stays the last valid one: a slip of the keyboard never erases what was
 * saved.
 */
public final class NumberInput {

    private final String path;
    private final IntRange intRange;
    private DecimalRange decimalRange;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private Integer lastInt;
    private BigDecimal lastDecimal;

    private NumberInput(String path, IntRange intRange, DecimalRange decimalRange) {
        this.path = path;
        this.intRange = intRange;
        this.decimalRange = decimalRange;
        // an invalidation listener, so it runs before the form's own (invalidation) listeners read the value
        text.addListener((InvalidationListener) obs -> remember());
    }

    private void remember() {
        String t = trimmed();
        if (t.isEmpty()) {
            lastInt = null;
            lastDecimal = null;
        } else if (error() == null) {
            if (intRange != null) {
                lastInt = Integer.valueOf(t);
            } else {
                BigDecimal value = new BigDecimal(t).stripTrailingZeros();
                lastDecimal = value.scale() < 0 ? value.setScale(0) : value;
            }
        }
    }

    /** Changes the allowed decimals (the inter-rectus distance depends on its unit). */
    public void setDecimalRange(DecimalRange range) {
        this.decimalRange = range;
        if (error() != null) {
            // 25 typed in mm does not fit once the unit is cm: it is no longer a value to save
            lastDecimal = null;
        }
        remember();
    }

    public static NumberInput whole(String path, IntRange range) {
        return new NumberInput(path, range, null);
    }

    public static NumberInput decimal(String path, DecimalRange range) {
        return new NumberInput(path, null, range);
    }

    public String path() {
        return path;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** "0–5" for the field's prompt. */
    public String rangeHint() {
        return intRange != null ? intRange.min() + "–" + intRange.max()
                : decimalRange.min().toPlainString() + "–" + decimalRange.max().toPlainString();
    }

    public boolean isWhole() {
        return intRange != null;
    }

    private String trimmed() {
        return text.get() == null ? "" : text.get().strip().replace(',', '.');
    }

    /** The whole number: the last valid one typed, null when the field is empty. */
    public Integer intValue() {
        return lastInt;
    }

    /** The decimal: the last valid one typed, null when the field is empty. */
    public BigDecimal decimalValue() {
        return lastDecimal;
    }

    /** What is wrong with the text, naming the allowed range; null when it is fine or empty. */
    public String error() {
        DecimalRange range = decimalRange;
        String t = trimmed();
        if (t.isEmpty()) {
            return null;
        }
        if (intRange != null) {
            if (!t.matches("-?\\d{1,9}")) {
                return Messages.format("validation.integer", intRange.describeWithScale());
            }
            int value = Integer.parseInt(t);
            return intRange.contains(value) ? null
                    : Messages.format("validation.outsideRange", t, intRange.describeWithScale());
        }
        if (!t.matches("-?\\d{1,6}(\\.\\d+)?")) {
            return Messages.format("validation.number", range.describe());
        }
        BigDecimal value = new BigDecimal(t);
        if (!range.contains(value)) {
            return Messages.format("validation.outsideRange", t, range.describe());
        }
        if (!range.hasAllowedScale(value)) {
            return Messages.format("validation.decimals", range.maxDecimals());
        }
        return null;
    }

    public void set(Integer value) {
        text.set(value == null ? "" : value.toString());
    }

    public void set(BigDecimal value) {
        text.set(value == null ? "" : value.toPlainString());
    }
}
