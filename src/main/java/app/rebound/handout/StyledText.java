package app.rebound.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text set in the first font of the chain that has each character: measured, wrapped and shown as
 * runs, so every name prints whatever its script.
 */
final class StyledText {

    private record Run(PDFont font, String text) {
    }

    private final HandoutFonts.Set fonts;

    StyledText(HandoutFonts.Set fonts) {
        this.fonts = fonts;
    }

    private List<Run> runs(String text, boolean bold) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int font = -1;
            if (Character.isWhitespace(cp) && currentFont >= 0) {
                font = currentFont; // a space stays in the running font
            } else {
                for (int f = 0; f < fonts.size(); f++) {
                    if (fonts.covers(f, cp)) {
                        font = f;
                        break;
                    }
                }
            }
            if (font < 0) {
                // no shipped font has it (an unsupported script, an emoji): a visible replacement
                // rather than a failed handout; docs/ lists what is supported
                cp = '\uFFFD';
                font = 0;
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(fonts.font(currentFont, bold), current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(fonts.font(currentFont, bold), current.toString()));
        }
        return runs;
    }

    float width(String text, boolean bold, float size) {
        float width = 0;
        try {
            for (Run run : runs(text, bold)) {
                width += run.font().getStringWidth(run.text()) / 1000f * size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return width;
    }

    /** Breaks text into lines no wider than {@code maxWidth}; a word longer than a line is split. */
    List<String> wrap(String text, boolean bold, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, bold, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a single word too long for a line (a URL, a long name in CJK): cut it
                String rest = word;
                while (width(rest, bold, size) > maxWidth && rest.length() > 1) {
                    int cut = rest.length();
                    while (cut > 1 && width(rest.substring(0, cut), bold, size) > maxWidth) {
                        cut = rest.offsetByCodePoints(cut, -1);
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut with "…" so it fits {@code maxWidth}: for one-line places (header, footer). */
    String fit(String text, boolean bold, float size, float maxWidth) {
        if (width(text, bold, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "…", bold, size) > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

    /** Shows one line at (x, y), the baseline, in the current fill colour. */
    void show(PDPageContentStream content, String text, boolean bold, float size, float x, float y) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs(text, bold)) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }
}
