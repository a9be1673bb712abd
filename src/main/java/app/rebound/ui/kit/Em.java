package app.rebound.ui.kit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableDoubleValue;

/**
 * A size that holds text, given as it is at the normal text size, that follows the clinician's text
 * size (View → Zoom in): what an em is in the stylesheet, for the sizes code sets. Bind a region's
 * width or height to it: {@code nav.prefWidthProperty().bind(Em.px(165))}.
 */
public final class Em {

    private Em() {
    }

    /** {@code atNormalSize} px at 100 %, scaled with the text. */
    public static DoubleBinding px(double atNormalSize) {
        return Bindings.createDoubleBinding(() -> scaled(atNormalSize), Theme.appearanceProperty());
    }

    /**
     * As {@link #px}, but never more than {@code share} of {@code room} (e.g. a side panel's width, at most
     * a fifth of its window's): at a large text size the panels beside a form leave the form its room.
     */
    public static DoubleBinding px(double atNormalSize, ObservableDoubleValue room, double share) {
        return Bindings.createDoubleBinding(() -> {
            double wanted = scaled(atNormalSize);
            double available = room.get() * share;
            return available > 0 ? Math.max(Math.min(wanted, available), Math.min(atNormalSize, wanted)) : wanted;
        }, Theme.appearanceProperty(), room);
    }

    /** {@code atNormalSize} px at the text size in use now (for a size read once, e.g. a new dialog's). */
    public static double scaled(double atNormalSize) {
        return atNormalSize * Theme.current().zoomPercent() / 100.0;
    }
}
