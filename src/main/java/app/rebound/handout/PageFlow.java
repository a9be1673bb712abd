package app.rebound.handout;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/**
 * Lays content down a page from the top, starting a new page when something does not fit. A block
 * that must stay whole (an exercise) asks for its height first and moves to a new page if needed.
 */
final class PageFlow implements AutoCloseable {

    static final float MARGIN = 48;
    static final Color TEXT = new Color(0x1f, 0x23, 0x28);
    static final Color MUTED = new Color(0x57, 0x60, 0x6a);
    static final Color ACCENT = new Color(0x0f, 0x76, 0x6e);
    static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    /** Leading of a paragraph or heading, as a multiple of its size. */
    static final float LEADING = 1.35f;

    private final PDDocument document;
    private final PDRectangle size;
    private final StyledText text;
    private final Runnable onNewPage;
    private final StructureTree tags;
    private final Outline outline;
    private PDPage page;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PageFlow(PDDocument document, PDRectangle size, StyledText text, Runnable onNewPage) {
        this.document = document;
        this.size = size;
        this.text = text;
        this.onNewPage = onNewPage;
        this.tags = new StructureTree(document);
        this.outline = new Outline(document);
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    float left() {
        return MARGIN;
    }

    float y() {
        return y;
    }

    int pages() {
        return pages;
    }

    PDDocument document() {
        return document;
    }

    PDPageContentStream content() {
        return content;
    }

    StyledText text() {
        return text;
    }

    /** Starts the first page, or another one. */
    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(size);
        document.addPage(page);
        tags.page(page);
        content = new PDPageContentStream(document, page);
        pages++;
        y = size.getHeight() - MARGIN;
        onNewPage.run();
    }

    /** Makes sure {@code height} points fit below the cursor, else moves to a new page. */
    void need(float height) throws IOException {
        if (content == null || y - height < MARGIN + 18) {
            newPage();
        }
    }

    void down(float points) {
        y -= points;
    }

    /** Puts the cursor at {@code value} (below a box drawn around earlier content). */
    void moveTo(float value) {
        y = value;
    }

    /** Writes wrapped text as a paragraph (P) of the structure; returns the height used. */
    float paragraph(String value, boolean bold, float size, Color color, float indent, float maxWidth)
            throws IOException {
        return block("P", value, bold, size, color, indent, maxWidth);
    }

    float paragraph(String value, boolean bold, float size, Color color) throws IOException {
        return paragraph(value, bold, size, color, 0, width());
    }

    /** Writes a heading of {@code level} (1 to 3); a level 2 heading is also a bookmark. */
    float heading(int level, String value, float size, Color color) throws IOException {
        return heading(level, value, size, color, 0, width());
    }

    float heading(int level, String value, float size, Color color, float indent, float maxWidth) throws IOException {
        need(size * LEADING);
        if (level == 2) {
            outline.add(value, page, y);
        }
        return block("H" + level, value, true, size, color, indent, maxWidth);
    }

    /** Writes wrapped text as an element of {@code type} with one marked line after another. */
    private float block(String type, String value, boolean bold, float size, Color color, float indent,
            float maxWidth) throws IOException {
        List<String> lines = text.wrap(value, bold, size, maxWidth);
        float leading = size * LEADING;
        float used = 0;
        begin(type);
        for (String line : lines) {
            need(leading);
            content.setNonStrokingColor(color);
            float baseline = y - size;
            tagged(() -> text.show(content, line, bold, size, MARGIN + indent, baseline));
            y -= leading;
            used += leading;
        }
        end();
        return used;
    }

    /** Opens a structure element inside the current one; what is tagged from now on belongs to it. */
    PDStructureElement begin(String type) {
        return tags.open(type);
    }

    /** Ends the innermost structure element begun. */
    void end() {
        tags.close();
    }

    /** Draws content of the open structure element. */
    void tagged(StructureTree.Drawing drawing) throws IOException {
        tags.content(content, drawing);
    }

    /** Draws decoration that a screen reader skips: rules, boxes, backgrounds. */
    void decoration(StructureTree.Drawing drawing) throws IOException {
        StructureTree.artifact(content, "Layout", drawing);
    }

    /** Ends the structure and the outline; called once the body is laid out. */
    void finish() {
        tags.finish();
        outline.finish();
    }

    /** The height wrapped text would take, without writing it. */
    float measure(String value, boolean bold, float size, float maxWidth) {
        return text.wrap(value, bold, size, maxWidth).size() * size * LEADING;
    }

    /** A thin rule across the text column at the current line: under a table's row. */
    void rowRule() throws IOException {
        decoration(() -> {
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.moveTo(left(), y);
            content.lineTo(left() + width(), y);
            content.stroke();
        });
    }

    void rule() throws IOException {
        decoration(() -> {
            content.setStrokingColor(RULE);
            content.setLineWidth(0.75f);
            content.moveTo(MARGIN, y);
            content.lineTo(size.getWidth() - MARGIN, y);
            content.stroke();
        });
    }

    float pageHeight() {
        return size.getHeight();
    }

    float pageWidth() {
        return size.getWidth();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
