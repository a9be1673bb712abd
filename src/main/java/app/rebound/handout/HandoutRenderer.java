package app.rebound.handout;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import app.rebound.domain.Messages;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseLibrary;

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
        return PdfDocument.render(handout.paper(), Messages.get("handout.title"), body(handout), footer(handout));
    }

    public void write(Handout handout, OutputStream out) {
        PdfDocument.write(handout.paper(), Messages.get("handout.title"), body(handout), footer(handout), out);
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

    private static java.util.function.BiFunction<Integer, Integer, String> footer(Handout handout) {
        return (page, total) -> Messages.format("handout.footer", handout.patientName(), page, total);
    }

    private static String date(Handout handout) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.getDefault()).format(handout.date());
    }

    private void header(PageFlow flow, PDDocument document, Handout handout) throws IOException {
        Letterhead.draw(flow, document, handout.clinicName(), handout.logo(), handout.clinicianName());
        flow.down(60);
        flow.paragraph(Messages.get("handout.title"), true, TITLE, PageFlow.ACCENT);
        flow.paragraph(Messages.format("handout.for", handout.patientName(), date(handout)), false, 13, PageFlow.TEXT);
        flow.down(6);
        flow.rule();
        flow.down(12);
    }

    private void stage(PageFlow flow, Handout handout) throws IOException {
        String stageName = Messages.name(handout.stage());
        flow.paragraph(Messages.format("handout.stage", stageName), true, HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("stage.purpose." + handout.stage().name()), false, BODY, PageFlow.TEXT);
        if (handout.reviewInWeeks() != null) {
            flow.down(4);
            flow.paragraph(Messages.format("handout.review", handout.reviewInWeeks()), true, BODY, PageFlow.ACCENT);
        }
        flow.down(10);
    }

    private void symptomRules(PageFlow flow) throws IOException {
        List<String> rules = List.of(Messages.get("handout.rules.1"), Messages.get("handout.rules.2"),
                Messages.get("handout.rules.3"), Messages.get("handout.rules.4"), Messages.get("handout.rules.5"));
        float inner = flow.width() - 28;
        float height = flow.measure(Messages.get("handout.rules.title"), true, 13, inner) + 8;
        for (String rule : rules) {
            height += flow.measure("•  " + rule, false, BODY, inner - 12) + 2;
        }
        height += 12;
        flow.need(height);
        PDPageContentStream content = flow.content();
        float top = flow.y();
        float bottom = top - height;
        content.setNonStrokingColor(new java.awt.Color(0xff, 0xf4, 0xe5));
        content.setStrokingColor(new java.awt.Color(0xd9, 0x7a, 0x00));
        content.setLineWidth(1.5f);
        content.addRect(flow.left(), top - height, flow.width(), height);
        content.fillAndStroke();
        flow.down(10);
        flow.paragraph(Messages.get("handout.rules.title"), true, 13, new java.awt.Color(0x8a, 0x4b, 0x00), 14, inner);
        flow.down(4);
        for (String rule : rules) {
            List<String> lines = flow.text().wrap(rule, false, BODY, inner - 12);
            for (int i = 0; i < lines.size(); i++) {
                content.setNonStrokingColor(PageFlow.TEXT);
                if (i == 0) {
                    flow.text().show(content, "•", false, BODY, flow.left() + 14, flow.y() - BODY);
                }
                flow.text().show(content, lines.get(i), false, BODY, flow.left() + 26, flow.y() - BODY);
                flow.down(BODY * 1.35f);
            }
            flow.down(2);
        }
        flow.moveTo(Math.min(flow.y(), bottom) - 16);
    }

    private void exercises(PageFlow flow, Handout handout) throws IOException {
        flow.need(40 + PICTURE_HEIGHT + 40); // the heading never stands alone at the foot of a page
        flow.paragraph(Messages.get("handout.exercises"), true, HEADING, PageFlow.TEXT);
        flow.down(6);
        int number = 1;
        for (Handout.Item item : handout.exercises()) {
            exercise(flow, item, number++, !handout.walkRun().isEmpty());
        }
    }

    static final float PICTURE_WIDTH = 132;
    static final float PICTURE_HEIGHT = PICTURE_WIDTH * 140 / 200;

    private void exercise(PageFlow flow, Handout.Item item, int number, boolean walkRunPlan) throws IOException {
        Exercise exercise = item.exercise();
        float textLeft = PICTURE_WIDTH + 16;
        float textWidth = flow.width() - textLeft;
        List<String> blocks = new ArrayList<>();
        List<Boolean> bold = new ArrayList<>();
        // the walk-run intervals change week by week: their runs, walks and rounds are the plan's
        blocks.add(walkRunPlan && exercise.code().equals(ExerciseLibrary.WALK_RUN_INTERVALS)
                ? Messages.get("handout.dose.walkRun") : dose(item.dose()));
        bold.add(true);
        if (exercise.purpose() != null) {
            blocks.add(exercise.purpose());
            bold.add(false);
        }
        for (int i = 0; i < exercise.instructions().size(); i++) {
            blocks.add((i + 1) + ".  " + exercise.instructions().get(i));
            bold.add(false);
        }
        for (String cue : exercise.cues()) {
            blocks.add(Messages.format("handout.cue", cue));
            bold.add(false);
        }
        if (exercise.easier() != null) {
            blocks.add(Messages.format("handout.easier", exercise.easier()));
            bold.add(false);
        }
        if (exercise.harder() != null) {
            blocks.add(Messages.format("handout.harder", exercise.harder()));
            bold.add(false);
        }
        if (item.notes() != null && !item.notes().isBlank()) {
            blocks.add(Messages.format("handout.notes", item.notes()));
            bold.add(true);
        }
        String title = number + "  " + exercise.name();
        float height = flow.measure(title, true, 13, flow.width()) + 4;
        float body = 0;
        for (int i = 0; i < blocks.size(); i++) {
            body += flow.measure(blocks.get(i), bold.get(i), BODY, textWidth) + 3;
        }
        height += Math.max(body, PICTURE_HEIGHT) + 16;
        flow.need(height);

        flow.paragraph(title, true, 13, PageFlow.ACCENT);
        flow.down(4);
        float top = flow.y();
        boolean photoDrawn = false;
        if (item.photo() != null) {
            try {
                photo(flow, item.photo(), top);
                photoDrawn = true;
            } catch (IOException | IllegalArgumentException e) {
                // a damaged photo must not cost the patient her handout: the drawing stands in
                photoDrawn = false;
            }
        }
        if (!photoDrawn && exercise.illustration() != null) {
            IllustrationDrawer.draw(flow.content(), exercise.illustration(), flow.left(), top, PICTURE_WIDTH,
                    PICTURE_HEIGHT);
        }
        for (int i = 0; i < blocks.size(); i++) {
            flow.paragraph(blocks.get(i), bold.get(i), BODY, i == 0 ? PageFlow.TEXT : PageFlow.TEXT, textLeft,
                    textWidth);
            flow.down(3);
        }
        float bottom = Math.min(flow.y(), top - PICTURE_HEIGHT);
        flow.down(flow.y() - bottom + 10);
        flow.rule();
        flow.down(10);
    }

    /** The clinic's photo, fitted into the picture box. */
    private void photo(PageFlow flow, app.rebound.domain.programme.ExercisePhoto photo, float top) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(flow.document(), photo.data(), "exercise");
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
        flow.need(80);
        flow.down(6);
        flow.paragraph(Messages.get("handout.walkRun"), true, HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("handout.walkRun.help"), false, BODY, PageFlow.TEXT);
        flow.down(6);
        String[] headers = {Messages.get("handout.walkRun.week"), Messages.get("handout.walkRun.sessions"),
            Messages.get("handout.walkRun.run"), Messages.get("handout.walkRun.walk"),
            Messages.get("handout.walkRun.repeats"), Messages.get("handout.walkRun.running"),
            Messages.get("handout.walkRun.done")};
        float[] widths = {0.09f, 0.14f, 0.12f, 0.12f, 0.13f, 0.22f, 0.18f};
        row(flow, headers, widths, true);
        int page = flow.pages();
        for (Handout.WalkRunRow week : handout.walkRun()) {
            flow.need(BODY * 1.9f);
            if (flow.pages() != page) {
                row(flow, headers, widths, true); // the header again on a new page
                page = flow.pages();
            }
            String running = week.walkSeconds() == 0
                    ? Messages.format("handout.walkRun.continuous", clock(week.runSeconds() * week.repeats()))
                    : clock(week.runSeconds() * week.repeats());
            row(flow, new String[] {Integer.toString(week.week()), Integer.toString(week.sessionsPerWeek()),
                clock(week.runSeconds()), week.walkSeconds() == 0 ? "—" : clock(week.walkSeconds()),
                "× " + week.repeats(), running, "☐".repeat(Math.min(7, week.sessionsPerWeek()))}, widths,
                false);
        }
        flow.down(12);
    }

    private static void row(PageFlow flow, String[] cells, float[] widths, boolean header) throws IOException {
        float height = BODY * 1.9f;
        flow.need(height);
        PDPageContentStream content = flow.content();
        float x = flow.left();
        if (header) {
            content.setNonStrokingColor(new java.awt.Color(0xe6, 0xf4, 0xf2));
            content.addRect(flow.left(), flow.y() - height, flow.width(), height);
            content.fill();
        }
        content.setNonStrokingColor(PageFlow.TEXT);
        for (int i = 0; i < cells.length; i++) {
            float cellWidth = widths[i] * flow.width();
            String cell = cells[i];
            List<String> lines = flow.text().wrap(cell, header, BODY, cellWidth - 6);
            flow.text().show(content, lines.get(0), header, BODY, x + 4, flow.y() - BODY * 1.35f);
            x += cellWidth;
        }
        flow.down(height);
        content.setStrokingColor(PageFlow.RULE);
        content.setLineWidth(0.5f);
        content.moveTo(flow.left(), flow.y());
        content.lineTo(flow.left() + flow.width(), flow.y());
        content.stroke();
    }

    /** 90 → "1:30", 1800 → "30:00" */
    static String clock(int seconds) {
        return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    private void tickGrid(PageFlow flow, Handout handout) throws IOException {
        int weeks = handout.reviewInWeeks() == null ? 6 : Math.max(1, Math.min(12, handout.reviewInWeeks()));
        float rowHeight = 22;
        flow.need(60 + rowHeight * (weeks + 1));
        flow.down(6);
        flow.paragraph(Messages.get("handout.tick"), true, HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("handout.tick.help"), false, BODY, PageFlow.TEXT);
        flow.down(6);
        String[] days = Messages.get("handout.tick.days").split(",");
        float first = 80;
        float cell = (flow.width() - first) / days.length;
        PDPageContentStream content = flow.content();
        content.setNonStrokingColor(PageFlow.TEXT);
        for (int d = 0; d < days.length; d++) {
            flow.text().show(content, days[d].strip(), true, BODY, flow.left() + first + d * cell + 6, flow.y() - BODY);
        }
        flow.down(rowHeight);
        for (int w = 1; w <= weeks; w++) {
            content.setNonStrokingColor(PageFlow.TEXT);
            flow.text().show(content, Messages.format("handout.tick.week", w), false, BODY, flow.left(),
                    flow.y() - BODY - 3);
            content.setStrokingColor(PageFlow.MUTED);
            content.setLineWidth(0.75f);
            for (int d = 0; d < days.length; d++) {
                content.addRect(flow.left() + first + d * cell + 6, flow.y() - rowHeight + 4, 14, 14);
            }
            content.stroke();
            flow.down(rowHeight);
        }
    }

}
