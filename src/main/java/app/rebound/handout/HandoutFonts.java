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
 */
final class HandoutFonts {

    private static final String DIR = "/app/rebound/fonts/";
    private static TrueTypeFont regular;
    private static TrueTypeFont bold;
    private static TrueTypeFont fallback;
    private static TrueTypeFont korean;

    private HandoutFonts() {
    }

    /** The fonts of one document, in fallback order. */
    record Set(List<PDFont> regular, List<PDFont> bold, List<TrueTypeFont> coverage) {
    }

    /** Parses the fonts once; {@link PdfDocument#prepareInBackground()} calls it early. */
    static synchronized void parseAll() throws IOException {
        if (regular == null) {
            regular = parse("DejaVuSans.ttf");
            bold = parse("DejaVuSans-Bold.ttf");
            fallback = parse("DroidSansFallbackFull.ttf");
            korean = parse("NanumGothic.ttf");
        }
    }

    static synchronized Set load(PDDocument document) {
        try {
            parseAll();
            PDFont fallbackFont = PDType0Font.load(document, fallback, true);
            PDFont koreanFont = PDType0Font.load(document, korean, true);
            List<PDFont> regulars = new ArrayList<>(List.of(PDType0Font.load(document, regular, true), fallbackFont,
                    koreanFont));
            List<PDFont> bolds = new ArrayList<>(List.of(PDType0Font.load(document, bold, true), fallbackFont,
                    koreanFont));
            return new Set(regulars, bolds, List.of(regular, fallback, korean));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the handout fonts", e);
        }
    }

    private static TrueTypeFont parse(String name) throws IOException {
        try (InputStream in = HandoutFonts.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("Font missing from resources: " + name);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    /** Whether the font at {@code index} of the chain has a glyph for the code point. */
    static boolean covers(Set fonts, int index, int codePoint) {
        try {
            return fonts.coverage().get(index).getUnicodeCmapLookup().getGlyphId(codePoint) != 0;
        } catch (IOException e) {
            return false;
        }
    }
}
