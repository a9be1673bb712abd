package app.rebound.domain;

import java.util.List;

/**
 * How the window looks to one clinician: its colours and its text size. Kept per clinician, since one
 * reads better in the dark and another needs larger text.
 */
public record Appearance(Scheme scheme, int zoomPercent) {

    /** The colour schemes offered in Settings. */
    public enum Scheme {
        LIGHT, DARK, HIGH_CONTRAST
    }

    /** The text sizes the View menu steps through, in percent of the normal size. */
    public static final List<Integer> ZOOM_STEPS = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final int ACTUAL_SIZE = 100;

    public static final Appearance DEFAULT = new Appearance(Scheme.LIGHT, ACTUAL_SIZE);

    public Appearance {
        scheme = scheme == null ? Scheme.LIGHT : scheme;
        zoomPercent = ZOOM_STEPS.contains(zoomPercent) ? zoomPercent : ACTUAL_SIZE;
    }

    public Appearance withScheme(Scheme newScheme) {
        return new Appearance(newScheme, zoomPercent);
    }

    public Appearance withZoom(int percent) {
        return new Appearance(scheme, percent);
    }

    /** One step larger, or the same at the largest. */
    public Appearance zoomIn() {
        int at = ZOOM_STEPS.indexOf(zoomPercent);
        return withZoom(ZOOM_STEPS.get(Math.min(at + 1, ZOOM_STEPS.size() - 1)));
    }

    /** One step smaller, or the same at the smallest. */
    public Appearance zoomOut() {
        int at = ZOOM_STEPS.indexOf(zoomPercent);
        return withZoom(ZOOM_STEPS.get(Math.max(at - 1, 0)));
    }

    public Appearance actualSize() {
        return withZoom(ACTUAL_SIZE);
    }

    /** The stored form of a scheme back, or light for what is not one (a newer version's, a damaged row). */
    public static Scheme scheme(String stored) {
        for (Scheme s : Scheme.values()) {
            if (s.name().equals(stored)) {
                return s;
            }
        }
        return Scheme.LIGHT;
    }

    /** The stored form of a zoom back, or the actual size for what is not one of the steps. */
    public static int zoom(String stored) {
        try {
            return stored == null ? ACTUAL_SIZE : Integer.parseInt(stored.strip());
        } catch (NumberFormatException e) {
            return ACTUAL_SIZE;
        }
    }
}
