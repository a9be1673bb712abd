package app.rebound.handout;

import java.awt.Color;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import app.rebound.domain.progress.ChartLayout;
import app.rebound.domain.progress.ChartLayout.Dot;
import app.rebound.domain.progress.ChartLayout.Label;
import app.rebound.domain.progress.ChartLayout.Line;
import app.rebound.domain.progress.ChartLayout.Mark;
import app.rebound.domain.progress.ChartLayout.Polyline;

/**
 * Paints a chart's layout as PDF vector graphics (lines and text, never a picture of the screen).
 * The layout's y grows downwards from the box's top; PDF's grows upwards, so y is flipped here.
 */
final class ChartDrawer {

    private ChartDrawer() {
    }

    static void draw(PDPageContentStream content, StyledText text, ChartLayout.Layout layout, float left, float top)
            throws IOException {
        for (Mark mark : layout.marks()) {
            if (mark instanceof Line line) {
                stroke(content, line.colour(), line.width(), line.dash());
                content.moveTo(left + (float) line.x1(), top - (float) line.y1());
                content.lineTo(left + (float) line.x2(), top - (float) line.y2());
                content.stroke();
            } else if (mark instanceof Polyline path) {
                stroke(content, path.colour(), path.width(), path.dash());
                content.setLineJoinStyle(1);
                content.moveTo(left + (float) path.xs()[0], top - (float) path.ys()[0]);
                for (int i = 1; i < path.xs().length; i++) {
                    content.lineTo(left + (float) path.xs()[i], top - (float) path.ys()[i]);
                }
                content.stroke();
            } else if (mark instanceof Dot dot) {
                dot(content, dot, left, top);
            } else if (mark instanceof Label label) {
                float size = (float) label.size();
                float width = text.width(label.text(), label.bold(), size);
                float shift = switch (label.align()) {
                    case START -> 0;
                    case CENTER -> width / 2;
                    case END -> width;
                };
                content.setNonStrokingColor(colour(label.colour()));
                text.show(content, label.text(), label.bold(), size, left + (float) label.x() - shift,
                        top - (float) label.y());
            }
        }
        content.setLineDashPattern(new float[0], 0);
    }

    private static void stroke(PDPageContentStream content, String colour, double width, double[] dash)
            throws IOException {
        content.setStrokingColor(colour(colour));
        content.setLineWidth((float) width);
        float[] pattern = new float[dash.length];
        for (int i = 0; i < dash.length; i++) {
            pattern[i] = (float) dash[i];
        }
        content.setLineDashPattern(pattern, 0);
    }

    private static void dot(PDPageContentStream content, Dot dot, float left, float top) throws IOException {
        float x = left + (float) dot.x();
        float y = top - (float) dot.y();
        float r = (float) dot.radius();
        content.setNonStrokingColor(colour(dot.colour()));
        switch (dot.shape()) {
            case 1 -> content.addRect(x - r * 0.9f, y - r * 0.9f, r * 1.8f, r * 1.8f);
            case 2 -> {
                content.moveTo(x, y + r * 1.2f);
                content.lineTo(x + r * 1.2f, y);
                content.lineTo(x, y - r * 1.2f);
                content.lineTo(x - r * 1.2f, y);
                content.closePath();
            }
            case 3 -> {
                content.moveTo(x, y + r * 1.2f);
                content.lineTo(x + r * 1.15f, y - r * 0.8f);
                content.lineTo(x - r * 1.15f, y - r * 0.8f);
                content.closePath();
            }
            default -> {
                // a circle from four Bézier arcs
                float k = 0.552f * r;
                content.moveTo(x + r, y);
                content.curveTo(x + r, y + k, x + k, y + r, x, y + r);
                content.curveTo(x - k, y + r, x - r, y + k, x - r, y);
                content.curveTo(x - r, y - k, x - k, y - r, x, y - r);
                content.curveTo(x + k, y - r, x + r, y - k, x + r, y);
                content.closePath();
            }
        }
        content.fill();
    }

    static Color colour(String hex) {
        return Color.decode(hex);
    }
}
