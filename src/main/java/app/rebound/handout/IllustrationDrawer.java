package app.rebound.handout;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import app.rebound.domain.programme.Illustration;
import app.rebound.domain.programme.SvgPath;

/**
 * Draws an exercise's line drawing into a PDF as vector paths, scaled into a box whose top-left
 * corner is (x, top) in PDF points (PDF's y points up, the drawing's y points down).
 */
final class IllustrationDrawer {

    private IllustrationDrawer() {
    }

    static void draw(PDPageContentStream content, Illustration illustration, float x, float top, float width,
            float height) throws IOException {
        float scale = (float) Math.min(width / Illustration.WIDTH, height / Illustration.HEIGHT);
        content.saveGraphicsState();
        content.setStrokingColor(PageFlow.RULE);
        content.setLineWidth(0.75f);
        content.addRect(x, top - height, width, height);
        content.stroke();
        content.setStrokingColor(PageFlow.TEXT);
        content.setNonStrokingColor(PageFlow.TEXT);
        content.setLineWidth(2.2f * scale);
        content.setLineCapStyle(1);
        content.setLineJoinStyle(1);
        for (String data : illustration.fills()) {
            path(content, data, x, top, scale);
            content.fill();
        }
        for (String data : illustration.strokes()) {
            path(content, data, x, top, scale);
            content.stroke();
        }
        content.restoreGraphicsState();
    }

    private static void path(PDPageContentStream content, String data, float x, float top, float scale)
            throws IOException {
        for (SvgPath.Segment segment : SvgPath.parse(data)) {
            if (segment instanceof SvgPath.MoveTo m) {
                content.moveTo(px(x, m.x(), scale), py(top, m.y(), scale));
            } else if (segment instanceof SvgPath.LineTo l) {
                content.lineTo(px(x, l.x(), scale), py(top, l.y(), scale));
            } else if (segment instanceof SvgPath.CubicTo c) {
                content.curveTo(px(x, c.x1(), scale), py(top, c.y1(), scale), px(x, c.x2(), scale),
                        py(top, c.y2(), scale), px(x, c.x(), scale), py(top, c.y(), scale));
            } else if (segment instanceof SvgPath.Close) {
                content.closePath();
            }
        }
    }

    private static float px(float x, double value, float scale) {
        return x + (float) value * scale;
    }

    private static float py(float top, double value, float scale) {
        return top - (float) value * scale;
    }
}
