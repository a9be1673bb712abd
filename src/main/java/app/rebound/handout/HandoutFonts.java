package app.rebound.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts shipped in resources, parsed once and embedded as subsets in each document: DejaVu Sans
 * for Latin, Greek and Cyrillic, Droid Sans Fallback for Chinese and Japanese, and Nanum Gothic for
 * Korean (Hangul, which this Droid Sans Fallback lacks). The
 * standard 14 PDF fonts cannot encode names like Zoë Ødegård or 李小龙, so they are never used.
 * The two fallback fonts (8.7 MB) are parsed, and added to a document, only when its text has a
 * character DejaVu lacks: adding them to every handout took a third of the time of writing one.
 */
final class HandoutFonts {

    private static final String DIR = "/app/rebound/fonts/";
    private static final String[] FILES = {"DejaVuSans.ttf", "DroidSansFallbackFull.ttf", "NanumGothic.ttf"};
    private static final String BOLD_FILE = "DejaVuSans-Bold.ttf";
    /** Where the bold DejaVu is kept among the parsed fonts: after the fallback chain. */
    private static final int BOLD = FILES.length;
    /** Parsed fonts by position in the fallback order; then the bold DejaVu. */
    private static final TrueTypeFont[] PARSED = new TrueTypeFont[BOLD + 1];

    private HandoutFonts() {
    }

    /**
     * The fonts of one document, in fallback order; each is added to the document when it first sets a
     * character. The fallback fonts have no bold: bold text in them is set in the regular weight.
     */
    static final class Set {
        private final PDDocument document;
        private final PDFont[] regular = new PDFont[FILES.length];
        private PDFont bold;

        private Set(PDDocument document) {
            this.document = document;
        }

        /** How many fonts the chain has. */
        int size() {
            return FILES.length;
        }

        /** The font at {@code index} of the chain, added to the document if it is not yet. */
        PDFont font(int index, boolean bold) {
            try {
                if (bold && index == 0) {
                    if (this.bold == null) {
                        this.bold = PDType0Font.load(document, parsed(BOLD), true);
                    }
                    return this.bold;
                }
                if (regular[index] == null) {
                    regular[index] = PDType0Font.load(document, parsed(index), true);
                }
                return regular[index];
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the handout fonts", e);
            }
        }

        /** The fonts added to the document so far: the ones it will embed. */
        List<PDType0Font> loaded() {
            List<PDType0Font> fonts = new ArrayList<>();
            for (PDFont font : regular) {
                if (font != null) {
                    fonts.add((PDType0Font) font);
                }
            }
            if (bold != null) {
                fonts.add((PDType0Font) bold);
            }
            return fonts;
        }

        /** Whether the font at {@code index} of the chain has a glyph for the code point. */
        boolean covers(int index, int codePoint) {
            try {
                return parsed(index).getUnicodeCmapLookup().getGlyphId(codePoint) != 0;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Parses the fonts most text needs (DejaVu, regular and bold); {@link PdfDocument#prepareInBackground()} calls it early. */
    static void parseCommon() throws IOException {
        parsed(0);
        parsed(BOLD);
    }

    static Set load(PDDocument document) {
        return new Set(document);
    }

    /** The parsed font at {@code index} of the chain ({@link #BOLD}: the bold DejaVu), parsed once. */
    private static synchronized TrueTypeFont parsed(int index) throws IOException {
        if (PARSED[index] == null) {
            PARSED[index] = parse(index == BOLD ? BOLD_FILE : FILES[index]);
        }
        return PARSED[index];
    }

    private static TrueTypeFont parse(String name) throws IOException {
        try (InputStream in = HandoutFonts.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("Font missing from resources: " + name);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }
}
