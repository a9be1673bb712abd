package app.rebound.handout;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import app.rebound.domain.Messages;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.programme.FigureWords;

/**
 * The home-programme handout: who and when, the stage and what it is for, the symptom rules in a
 * box of their own, every exercise with its drawing, steps and dose (never split over pages), the
 * walk-run table, when to come back, and a weekly tick grid. Text is 11 pt or larger.
 */
public final class HandoutRenderer {

    static final float BODY = 11;
    static final float SMALL = 11;
    static final float HEADING = 15;
    static final float TITLE = 22;

    /** Starts loading PDFBox and the fonts in the background, for a command that will soon write a PDF. */
    public static void prepareInBackground() {
        PdfDocument.prepareInBackground();
    }

    public byte[] render(Handout handout) {
        return PdfDocument.render(handout.paper(), info(handout), body(handout), footer(handout));
    }

    public void write(Handout handout, OutputStream out) {
        PdfDocument.write(handout.paper(), info(handout), body(handout), footer(handout), out);
    }

    private static PdfDocument.Info info(Handout handout) {
        return new PdfDocument.Info(Messages.get("handout.title"),
                PdfDocument.author(handout.clinicianName(), handout.clinicName()));
    }

    private PdfDocument.Body body(Handout handout) {
        return (flow, document) -> {
            header(flow, document, handout);
            stage(flow, handout);
            symptomRules(flow);
            exercises(flow, handout);
            walkRun(flow, handout);
            tickGrid(flow, handout);
        };
    }

    private static BiFunction<Integer, Integer, String> footer(Handout handout) {
        return (page, total) -> Messages.format("handout.footer", handout.patientName(), page, total);
    }

    private static String date(Handout handout) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.getDefault()).format(handout.date());
    }

    private void header(PageFlow flow, PDDocument document, Handout handout) throws IOException {
        flow.down(Letterhead.draw(flow, document, handout.clinicName(), handout.logo(), handout.clinicianName()));
        flow.heading(1, Messages.get("handout.title"), TITLE, PageFlow.ACCENT);
        flow.paragraph(Messages.format("handout.for", handout.patientName(), date(handout)), false, 13, PageFlow.TEXT);
        flow.down(4);
        flow.rule();
        flow.down(10);
    }

    private void stage(PageFlow flow, Handout handout) throws IOException {
        String stageName = Messages.name(handout.stage());
        flow.heading(2, Messages.format("handout.stage", stageName), HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("stage.purpose." + handout.stage().name()), false, BODY, PageFlow.TEXT);
        if (handout.reviewInWeeks() != null) {
            flow.down(3);
            flow.paragraph(Messages.format("handout.review", handout.reviewInWeeks()), true, BODY, PageFlow.ACCENT);
        }
        flow.down(8);
    }

    private void symptomRules(PageFlow flow) throws IOException {
        List<String> rules = List.of(Messages.get("handout.rules.1"), Messages.get("handout.rules.2"),
                Messages.get("handout.rules.3"), Messages.get("handout.rules.4"), Messages.get("handout.rules.5"));
        float inner = flow.width() - 28;
        float height = flow.measure(Messages.get("handout.rules.title"), true, 13, inner) + 6;
        for (String rule : rules) {
            height += flow.text().wrap(rule, false, BODY, inner - 12).size() * BODY * LINE + 1;
        }
        float boxHeight = height + 12;
        flow.need(boxHeight);
        PDPageContentStream content = flow.content();
        float top = flow.y();
        float bottom = top - boxHeight;
        flow.decoration(() -> {
            content.setNonStrokingColor(new Color(0xff, 0xf4, 0xe5));
            content.setStrokingColor(new Color(0xd9, 0x7a, 0x00));
            content.setLineWidth(1.5f);
            content.addRect(flow.left(), bottom, flow.width(), boxHeight);
            content.fillAndStroke();
        });
        flow.down(8);
        flow.heading(2, Messages.get("handout.rules.title"), 13, new Color(0x8a, 0x4b, 0x00), 14, inner);
        flow.down(2);
        flow.begin("L");
        for (String rule : rules) {
            List<String> lines = flow.text().wrap(rule, false, BODY, inner - 12);
            flow.begin("LI");
            flow.begin("Lbl");
            float first = flow.y() - BODY;
            flow.tagged(() -> {
                content.setNonStrokingColor(PageFlow.TEXT);
                flow.text().show(content, "•", false, BODY, flow.left() + 14, first);
            });
            flow.end();
            flow.begin("LBody");
            for (String line : lines) {
                float baseline = flow.y() - BODY;
                flow.tagged(() -> {
                    content.setNonStrokingColor(PageFlow.TEXT);
                    flow.text().show(content, line, false, BODY, flow.left() + 26, baseline);
                });
                flow.down(BODY * LINE);
            }
            flow.end();
            flow.end();
            flow.down(1);
        }
        flow.end();
        flow.moveTo(Math.min(flow.y(), bottom) - 14);
    }

    private void exercises(PageFlow flow, Handout handout) throws IOException {
        flow.need(40 + PICTURE_HEIGHT + 40); // the heading never stands alone at the foot of a page
        flow.heading(2, Messages.get("handout.exercises"), HEADING, PageFlow.TEXT);
        flow.down(4);
        int number = 1;
        for (Handout.Item item : handout.exercises()) {
            exercise(flow, item, number++, !handout.walkRun().isEmpty());
        }
    }

    static final float PICTURE_WIDTH = 116;
    static final float PICTURE_HEIGHT = PICTURE_WIDTH * 140 / 200;
    /** Leading of an exercise's text, as a multiple of its size: a little tighter than a letter's. */
    static final float LINE = 1.22f;
    /** The space between an exercise's paragraphs. */
    private static final float GAP = 2f;
    /** How far a step's text stands in from its number. */
    private static final float STEP_INDENT = 16;

    /** One paragraph of an exercise's text: a step of its list, or a paragraph on its own. */
    private record Block(String text, boolean bold, String step) {
    }

    /** A block placed: its lines, where they start (x from the left margin, y down from the exercise's top). */
    private record Placed(Block block, List<String> lines, float x, float width, float top) {
    }

    private static List<Block> blocks(Handout.Item item, boolean walkRunPlan) {
        Exercise exercise = item.exercise();
        List<Block> blocks = new ArrayList<>();
        // the walk-run intervals change week by week: their runs, walks and rounds are the plan's
        blocks.add(new Block(walkRunPlan && exercise.code().equals(ExerciseLibrary.WALK_RUN_INTERVALS)
                ? Messages.get("handout.dose.walkRun") : dose(item.dose()), true, null));
        if (exercise.purpose() != null) {
            blocks.add(new Block(exercise.purpose(), false, null));
        }
        for (int i = 0; i < exercise.instructions().size(); i++) {
            blocks.add(new Block(exercise.instructions().get(i), false, (i + 1) + "."));
        }
        for (String cue : exercise.cues()) {
            blocks.add(new Block(Messages.format("handout.cue", cue), false, null));
        }
        if (exercise.easier() != null) {
            blocks.add(new Block(Messages.format("handout.easier", exercise.easier()), false, null));
        }
        if (exercise.harder() != null) {
            blocks.add(new Block(Messages.format("handout.harder", exercise.harder()), false, null));
        }
        if (item.notes() != null && !item.notes().isBlank()) {
            blocks.add(new Block(Messages.format("handout.notes", item.notes()), true, null));
        }
        return blocks;
    }

    /**
     * Places the blocks beside the picture and, once past its foot, across the full width: the text
     * of a long exercise then takes fewer lines, and more exercises fit on a page.
     */
    private static List<Placed> place(PageFlow flow, List<Block> blocks) {
        float besideLeft = PICTURE_WIDTH + 14;
        List<Placed> placed = new ArrayList<>();
        float y = 0;
        boolean listBeside = false;
        for (Block block : blocks) {
            // a list of steps keeps one indent to its end: it stays beside the picture if it starts there
            boolean beside = y < PICTURE_HEIGHT + 4 || block.step() != null && listBeside;
            listBeside = block.step() != null && beside;
            float x = beside ? besideLeft : 0;
            float width = flow.width() - x;
            float textX = block.step() == null ? x : x + STEP_INDENT;
            float textWidth = block.step() == null ? width : width - STEP_INDENT;
            List<String> lines = flow.text().wrap(block.text(), block.bold(), BODY, textWidth);
            placed.add(new Placed(block, lines, textX, textWidth, y));
            y += lines.size() * BODY * LINE + GAP;
        }
        return placed;
    }

    private static float height(List<Placed> placed) {
        Placed last = placed.get(placed.size() - 1);
        return last.top() + last.lines().size() * BODY * LINE;
    }

    private void exercise(PageFlow flow, Handout.Item item, int number, boolean walkRunPlan) throws IOException {
        Exercise exercise = item.exercise();
        List<Placed> placed = place(flow, blocks(item, walkRunPlan));
        String title = number + "  " + exercise.name();
        float titleHeight = flow.measure(title, true, 13, flow.width()) + 3;
        float bodyHeight = Math.max(height(placed), PICTURE_HEIGHT);
        flow.need(titleHeight + bodyHeight + 7);

        flow.begin("Sect");
        flow.heading(3, title, 13, PageFlow.ACCENT);
        flow.down(3);
        float top = flow.y();
        picture(flow, item, top);
        PDPageContentStream content = flow.content();
        boolean inList = false;
        for (Placed block : placed) {
            boolean step = block.block().step() != null;
            if (step && !inList) {
                flow.begin("L");
                inList = true;
            } else if (!step && inList) {
                flow.end();
                inList = false;
            }
            float baseline = top - block.top() - BODY;
            if (step) {
                flow.begin("LI");
                flow.begin("Lbl");
                float labelBaseline = baseline;
                flow.tagged(() -> {
                    content.setNonStrokingColor(PageFlow.TEXT);
                    flow.text().show(content, block.block().step(), false, BODY,
                            flow.left() + block.x() - STEP_INDENT, labelBaseline);
                });
                flow.end();
                flow.begin("LBody");
            } else {
                flow.begin("P");
            }
            for (String line : block.lines()) {
                float lineBaseline = baseline;
                flow.tagged(() -> {
                    content.setNonStrokingColor(PageFlow.TEXT);
                    flow.text().show(content, line, block.block().bold(), BODY, flow.left() + block.x(), lineBaseline);
                });
                baseline -= BODY * LINE;
            }
            flow.end();
            if (step) {
                flow.end();
            }
        }
        if (inList) {
            flow.end();
        }
        flow.end();
        flow.moveTo(top - bodyHeight - 5);
        flow.rule();
        flow.down(7);
    }

    /** The clinic's photo if it has one and it reads, else the library's drawing, with words for both. */
    private void picture(PageFlow flow, Handout.Item item, float top) throws IOException {
        Exercise exercise = item.exercise();
        if (item.photo() != null) {
            try {
                PDImageXObject image = PDImageXObject.createFromByteArray(flow.document(), item.photo().data(),
                        "exercise");
                figure(flow, Messages.format("handout.photo", exercise.name()), top,
                        () -> photo(flow, image, top));
                return;
            } catch (IOException | IllegalArgumentException e) {
                // a damaged photo must not cost the patient her handout: the drawing stands in
            }
        }
        if (exercise.illustration() != null) {
            figure(flow, FigureWords.of(exercise), top, () -> IllustrationDrawer.draw(flow.content(),
                    exercise.illustration(), flow.left(), top, PICTURE_WIDTH, PICTURE_HEIGHT));
        }
    }

    private static void figure(PageFlow flow, String words, float top, StructureTree.Drawing drawing)
            throws IOException {
        var figure = flow.begin("Figure");
        figure.setAlternateDescription(words);
        PdfDocument.box(figure, flow.left(), top - PICTURE_HEIGHT, PICTURE_WIDTH, PICTURE_HEIGHT);
        flow.tagged(drawing);
        flow.end();
    }

    /** The clinic's photo, fitted into the picture box. */
    private static void photo(PageFlow flow, PDImageXObject image, float top) throws IOException {
        float scale = Math.min(PICTURE_WIDTH / image.getWidth(), PICTURE_HEIGHT / image.getHeight());
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        flow.content().drawImage(image, flow.left() + (PICTURE_WIDTH - width) / 2,
                top - PICTURE_HEIGHT + (PICTURE_HEIGHT - height) / 2, width, height);
    }

    /** "Hold 6 seconds, 5 times · 3 times a day · 7 days a week" */
    static String dose(Dose dose) {
        String amount;
        if (dose.holdSeconds() > 0 && dose.reps() == 1) {
            // a timed exercise (jog on the spot for 60 seconds, side plank for 20)
            amount = Messages.format("handout.dose.timed", dose.holdSeconds(), dose.sets());
        } else if (dose.holdSeconds() > 0) {
            amount = Messages.format("handout.dose.hold", dose.holdSeconds(), dose.reps(), dose.sets());
        } else {
            amount = Messages.format("handout.dose.reps", dose.reps(), dose.sets());
        }
        return amount + "  ·  " + Messages.format("handout.dose.often", dose.timesPerDay(), dose.daysPerWeek());
    }

    private void walkRun(PageFlow flow, Handout handout) throws IOException {
        if (handout.walkRun().isEmpty()) {
            return;
        }
        flow.need(4 + (HEADING + BODY * 2) * PageFlow.LEADING + 4 + ROW * 3); // never the heading alone
        flow.down(4);
        flow.heading(2, Messages.get("handout.walkRun"), HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("handout.walkRun.help"), false, BODY, PageFlow.TEXT);
        flow.down(4);
        String[] headers = {Messages.get("handout.walkRun.week"), Messages.get("handout.walkRun.sessions"),
            Messages.get("handout.walkRun.run"), Messages.get("handout.walkRun.walk"),
            Messages.get("handout.walkRun.repeats"), Messages.get("handout.walkRun.running"),
            Messages.get("handout.walkRun.done")};
        float[] widths = {0.09f, 0.14f, 0.12f, 0.12f, 0.13f, 0.22f, 0.18f};
        flow.begin("Table");
        row(flow, headers, widths, true, false);
        int page = flow.pages();
        for (Handout.WalkRunRow week : handout.walkRun()) {
            flow.need(ROW);
            if (flow.pages() != page) {
                row(flow, headers, widths, true, true); // the header again on a new page
                page = flow.pages();
            }
            String running = week.walkSeconds() == 0
                    ? Messages.format("handout.walkRun.continuous", clock(week.runSeconds() * week.repeats()))
                    : clock(week.runSeconds() * week.repeats());
            row(flow, new String[] {Integer.toString(week.week()), Integer.toString(week.sessionsPerWeek()),
                clock(week.runSeconds()), week.walkSeconds() == 0 ? "—" : clock(week.walkSeconds()),
                "× " + week.repeats(), running, "☐".repeat(Math.min(7, week.sessionsPerWeek()))}, widths,
                false, false);
        }
        flow.end();
        flow.down(10);
    }

    /** The height of a row of the walk-run table. */
    private static final float ROW = BODY * 1.7f;

    /**
     * One row of the walk-run table. A header repeated on a new page is drawn as an artefact: the
     * table's structure has its header once.
     */
    private static void row(PageFlow flow, String[] cells, float[] widths, boolean header, boolean repeated)
            throws IOException {
        flow.need(ROW);
        PDPageContentStream content = flow.content();
        float top = flow.y();
        if (header) {
            flow.decoration(() -> {
                content.setNonStrokingColor(new Color(0xe6, 0xf4, 0xf2));
                content.addRect(flow.left(), top - ROW, flow.width(), ROW);
                content.fill();
            });
        }
        if (!repeated) {
            flow.begin("TR");
        }
        float x = flow.left();
        for (int i = 0; i < cells.length; i++) {
            float cellWidth = widths[i] * flow.width();
            String cell = flow.text().wrap(cells[i], header, BODY, cellWidth - 6).get(0);
            float cellX = x;
            StructureTree.Drawing text = () -> {
                content.setNonStrokingColor(PageFlow.TEXT);
                flow.text().show(content, cell, header, BODY, cellX + 4, top - BODY * 1.25f);
            };
            if (repeated) {
                flow.decoration(text);
            } else {
                cell(flow, header, text);
            }
            x += cellWidth;
        }
        if (!repeated) {
            flow.end();
        }
        flow.down(ROW);
        flow.rowRule();
    }

    /** A table cell, TH in the header row and TD else, whose text {@code text} draws (null: an empty cell). */
    private static void cell(PageFlow flow, boolean header, StructureTree.Drawing text) throws IOException {
        var cell = flow.begin(header ? "TH" : "TD");
        if (header) {
            PdfDocument.columnHeader(cell);
        }
        if (text != null) {
            flow.tagged(text);
        }
        flow.end();
    }

    /** 90 → "1:30", 1800 → "30:00" */
    static String clock(int seconds) {
        return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    private void tickGrid(PageFlow flow, Handout handout) throws IOException {
        int weeks = handout.reviewInWeeks() == null ? 6 : Math.max(1, Math.min(12, handout.reviewInWeeks()));
        float rowHeight = 19;
        flow.need(4 + (HEADING + BODY) * PageFlow.LEADING + 4 + rowHeight * (weeks + 1)); // the sheet stays whole
        flow.down(4);
        flow.heading(2, Messages.get("handout.tick"), HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("handout.tick.help"), false, BODY, PageFlow.TEXT);
        flow.down(4);
        String[] days = Messages.get("handout.tick.days").split(",");
        float first = 80;
        float cell = (flow.width() - first) / days.length;
        PDPageContentStream content = flow.content();
        flow.begin("Table");
        flow.begin("TR");
        cell(flow, true, null); // above the weeks' names
        for (int d = 0; d < days.length; d++) {
            float x = flow.left() + first + d * cell + 4;
            String day = days[d].strip();
            float baseline = flow.y() - BODY;
            cell(flow, true, () -> {
                content.setNonStrokingColor(PageFlow.TEXT);
                flow.text().show(content, day, true, BODY, x, baseline);
            });
        }
        flow.end();
        flow.down(rowHeight);
        for (int w = 1; w <= weeks; w++) {
            String week = Messages.format("handout.tick.week", w);
            float baseline = flow.y() - BODY - 2;
            flow.begin("TR");
            var name = flow.begin("TH");
            PdfDocument.rowHeader(name);
            flow.tagged(() -> {
                content.setNonStrokingColor(PageFlow.TEXT);
                flow.text().show(content, week, false, BODY, flow.left(), baseline);
            });
            flow.end();
            for (int d = 0; d < days.length; d++) {
                cell(flow, false, null); // a box to tick by hand
            }
            flow.end();
            float y = flow.y();
            flow.decoration(() -> {
                content.setStrokingColor(PageFlow.MUTED);
                content.setLineWidth(0.75f);
                for (int d = 0; d < days.length; d++) {
                    content.addRect(flow.left() + first + d * cell + 4, y - rowHeight + 3, 13, 13);
                }
                content.stroke();
            });
            flow.down(rowHeight);
        }
        flow.end();
    }

}
