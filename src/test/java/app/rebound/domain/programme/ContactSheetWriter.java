package app.rebound.domain.programme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes every shipped illustration on one SVG page, five to a row, each with its exercise's name and
 * stage under it, so people can look at them all at once (docs/exercise-illustrations.svg).
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes app.rebound.domain.programme.ContactSheetWriter
 * docs/exercise-illustrations.svg}
 */
public final class ContactSheetWriter {

    static final int COLUMNS = 5;
    static final double GAP = 10;
    static final double LABEL = 34;

    private ContactSheetWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/exercise-illustrations.svg");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, svg(ExerciseLibrary.shipped()), StandardCharsets.UTF_8);
        System.out.println("Wrote " + ExerciseLibrary.shipped().size() + " illustrations to " + out);
    }

    /** The contact sheet as an SVG document. */
    static String svg(List<Exercise> exercises) {
        double cellW = Illustration.WIDTH + GAP;
        double cellH = Illustration.HEIGHT + LABEL + GAP;
        int rows = (exercises.size() + COLUMNS - 1) / COLUMNS;
        double width = COLUMNS * cellW + GAP;
        double height = rows * cellH + GAP;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n",
                width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < exercises.size(); i++) {
            Exercise exercise = exercises.get(i);
            double x = GAP + (i % COLUMNS) * cellW;
            double y = GAP + (i / COLUMNS) * cellH;
            svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%.1f %.1f)\">%n", x, y));
            svg.append(String.format(Locale.ROOT,
                    "  <rect width=\"%.0f\" height=\"%.0f\" fill=\"#f7f9fb\" stroke=\"#c8d0d8\" stroke-width=\"0.5\"/>%n",
                    Illustration.WIDTH, Illustration.HEIGHT));
            Illustration drawing = exercise.illustration();
            for (String fill : drawing.fills()) {
                svg.append("  <path d=\"").append(escape(fill)).append("\" fill=\"#1f3a4d\" stroke=\"none\"/>\n");
            }
            for (String stroke : drawing.strokes()) {
                svg.append("  <path d=\"").append(escape(stroke)).append(
                        "\" fill=\"none\" stroke=\"#1f3a4d\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n");
            }
            svg.append(String.format(Locale.ROOT,
                    "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"%s\" fill=\"#111\">%s</text>%n",
                    Illustration.WIDTH / 2, Illustration.HEIGHT + 14, exercise.name().length() > 30 ? "9" : "11",
                    escape(exercise.name())));
            svg.append(String.format(Locale.ROOT,
                    "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#667\">%s · %s</text>%n",
                    Illustration.WIDTH / 2, Illustration.HEIGHT + 27, escape(exercise.stage().name()),
                    escape(exercise.code())));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
