package app.rebound.domain.programme;

import java.util.List;

/**
 * A line drawing as SVG path data (commands M, L, H, V, C, Q, A, Z, absolute or relative) in a
 * {@link #WIDTH}×{@link #HEIGHT} box with y pointing down, drawn as strokes. Kept as vector art so it
 * is crisp on screen (JavaFX SVGPath) and on paper (the handout's path drawer).
 */
public record Illustration(List<String> strokes, List<String> fills) {

    public static final double WIDTH = 200;
    public static final double HEIGHT = 140;

    public Illustration {
        strokes = List.copyOf(strokes);
        fills = fills == null ? List.of() : List.copyOf(fills);
    }
}
