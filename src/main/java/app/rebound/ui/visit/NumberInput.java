package app.rebound.ui.visit;

import java.math.BigDecimal;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;
import app.rebound.domain.Messages;

/**
 * A number typed into the form, checked against its range from {@code domain.visit.Measures}.
 * Empty text is "not assessed". Text that is not a number in range has an error and stays on screen
 * as typed, while the value is the one she last confirmed (loaded, or left the field with): a slip of
 * the keyboard never erases what was saved, and a rejected entry never leaves part of itself behind
 * (typing 45 passes 4 on the way; 4.5 passes 4).
 */
public final class NumberInput {

    private final String path;
    private final IntRange intRange;
    private DecimalRange decimalRange;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private Integer confirmedInt;
    private BigDecimal confirmedDecimal;

    private NumberInput(String path, IntRange intRange, DecimalRange decimalRange) {
        this.path = path;
        this.intRange = intRange;
        this.decimalRange = decimalRange;
    }

    /**
     * She confirms what she typed (she leaves the field): a valid text becomes the value kept while a later
     * text is invalid. Text that is invalid confirms nothing.
     */
    public void confirm() {
        if (error() == null) {
            confirmedInt = typedInt();
            confirmedDecimal = typedDecimal();
        }
    }

    private Integer typedInt() {
        String t = trimmed();
        return intRange == null || t.isEmpty() ? null : Integer.valueOf(t);
    }

    private BigDecimal typedDecimal() {
        String t = trimmed();
        if (intRange != null || t.isEmpty()) {
            return null;
        }
        BigDecimal value = new BigDecimal(t).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Changes the allowed decimals (the inter-rectus distance depends on its unit). */
    public void setDecimalRange(DecimalRange range) {
        this.decimalRange = range;
        if (confirmedDecimal != null && (!range.contains(confirmedDecimal) || !range.hasAllowedScale(confirmedDecimal))) {
            // 25 confirmed in mm does not fit once the unit is cm: it is no longer a value to save
            confirmedDecimal = null;
        }
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

    /** The whole number: the one typed when it is valid, else the one last confirmed; null when empty. */
    public Integer intValue() {
        return error() == null ? typedInt() : confirmedInt;
    }

    /** The decimal: the one typed when it is valid, else the one last confirmed; null when empty. */
    public BigDecimal decimalValue() {
        return error() == null ? typedDecimal() : confirmedDecimal;
    }

    /** Whether the text is a number in range, or empty. */
    public boolean isValid() {
        return error() == null;
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

    /** Shows a stored value: it is the one confirmed. */
    public void set(Integer value) {
        text.set(value == null ? "" : value.toString());
        confirm();
    }

    /** Shows a stored value: it is the one confirmed. */
    public void set(BigDecimal value) {
        text.set(value == null ? "" : value.toPlainString());
        confirm();
    }
}
