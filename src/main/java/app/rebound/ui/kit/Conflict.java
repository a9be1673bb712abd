package app.rebound.ui.kit;

import java.util.List;

/**
 * What a view model puts to the clinician when her save was refused because another workstation saved the
 * same record first ({@link Dialogs#resolve}): who and when in {@code header}, and field by field her value
 * beside the one saved there.
 */
public record Conflict(String header, List<Row> rows) {

    public Conflict {
        rows = List.copyOf(rows);
    }

    /** One field that differs: its label, her value, the value saved on the other workstation. */
    public record Row(String label, String yours, String theirs) {
    }

    /** What she chose. */
    public enum Choice {
        /** Save hers over the other, starting from the version stored now. */
        KEEP_MINE,
        /** Give hers up and show the one saved on the other workstation. */
        TAKE_THEIRS,
        /** Decide later (Esc): nothing is lost, her values stay in the form, not saved yet. */
        LATER
    }
}
