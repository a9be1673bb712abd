package app.rebound.handout;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ChartLayout;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressChart;

/**
 * The progress report for the patient or a referring doctor: who and when, the current stage and
 * readiness, the clinician's summary, first versus latest visit, every visit, then the charts that
 * have data, drawn as vectors from the same layout as the screen. Body text is 11 pt; chart labels
 * are 9 pt.
 */
public final class ProgressReportRenderer {

    static final float BODY = HandoutRenderer.BODY;
    static final float HEADING = 14;
    static final float TITLE = 22;
    static final float CHART_FONT = 9;
    static final float CHART_HEIGHT = 185;

    private static final Color HIGHLIGHT = new Color(0xfd, 0xf1, 0xd6);
    private static final Color HEADER_FILL = new Color(0xe6, 0xf4, 0xf2);
    private static final Color BETTER = new Color(0x1a, 0x7f, 0x37);
    private static final Color WORSE = new Color(0xb3, 0x26, 0x1e);

    public byte[] render(ProgressReport report) {
        return PdfDocument.render(report.paper(), info(report), body(report), footer(report));
    }

    public void write(ProgressReport report, OutputStream out) {
        PdfDocument.write(report.paper(), info(report), body(report), footer(report), out);
    }

    private static PdfDocument.Info info(ProgressReport report) {
        return new PdfDocument.Info(Messages.get("report.title"),
                PdfDocument.author(report.clinicianName(), report.clinicName()));
    }

    private PdfDocument.Body body(ProgressReport report) {
        return (flow, document) -> {
            header(flow, document, report);
            readiness(flow, report);
            summary(flow, report);
            comparison(flow, report);
            visits(flow, report);
            charts(flow, report);
        };
    }

    private static BiFunction<Integer, Integer, String> footer(ProgressReport report) {
        return (page, total) -> Messages.format("report.footer", report.patientName(), page, total);
    }

    static String longDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.getDefault()).format(date);
    }

    static String shortDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.getDefault()).format(date);
    }

    private void header(PageFlow flow, PDDocument document, ProgressReport report) throws IOException {
        flow.down(Letterhead.draw(flow, document, report.clinicName(), report.logo(), report.clinicianName()));
        flow.heading(1, Messages.get("report.title"), TITLE, PageFlow.ACCENT);
        String who = report.dateOfBirth() == null ? report.patientName()
                : Messages.format("report.patientBorn", report.patientName(), longDate(report.dateOfBirth()));
        flow.paragraph(who, true, 13, PageFlow.TEXT);
        String span = report.visits().isEmpty() ? Messages.get("report.noVisits")
                : Messages.format("report.visitSpan", report.visits().size(),
                        longDate(report.visits().get(0).date()),
                        longDate(report.visits().get(report.visits().size() - 1).date()));
        flow.paragraph(Messages.format("report.date", longDate(report.reportDate())) + " · " + span, false, BODY,
                PageFlow.MUTED);
        flow.down(6);
        flow.rule();
        flow.down(12);
    }

    private void readiness(PageFlow flow, ProgressReport report) throws IOException {
        if (report.currentStage() == null) {
            return;
        }
        flow.heading(2, Messages.format("report.stage", report.currentStage()), HEADING, PageFlow.TEXT);
        if (report.readinessReason() != null && !report.readinessReason().isBlank()) {
            flow.paragraph(report.readinessReason(), false, BODY, PageFlow.TEXT);
        }
        if (report.considerReferral()) {
            flow.paragraph(Messages.get("readiness.onwardReferral"), true, BODY, WORSE);
        }
        flow.down(6);
        table(flow, new String[] {Messages.get("report.column.criterion"), Messages.get("report.column.status"),
            Messages.get("report.column.evidence")}, new float[] {0.36f, 0.16f, 0.48f},
                report.criteria().stream().map(c -> new Row(new String[] {c.name(), c.status(), c.evidence()},
                        false, null)).toList());
        flow.down(12);
    }

    private void summary(PageFlow flow, ProgressReport report) throws IOException {
        if (report.summary() == null || report.summary().isBlank()) {
            return;
        }
        flow.need(HEADING * 3);
        flow.heading(2, Messages.get("report.summary"), HEADING, PageFlow.TEXT);
        for (String paragraph : report.summary().strip().split("\\R")) {
            if (paragraph.isBlank()) {
                flow.down(BODY * 0.6f);
            } else {
                flow.paragraph(paragraph, false, BODY, PageFlow.TEXT);
            }
        }
        flow.down(12);
    }

    private void comparison(PageFlow flow, ProgressReport report) throws IOException {
        if (report.visits().size() < 2 || report.firstVersusLatest().isEmpty()) {
            return;
        }
        flow.need(HEADING * 4);
        flow.heading(2, Messages.get("report.comparison"), HEADING, PageFlow.TEXT);
        flow.paragraph(Messages.get("report.comparison.help"), false, BODY, PageFlow.MUTED);
        flow.down(4);
        List<Row> rows = new ArrayList<>();
        for (ComparisonRow row : report.firstVersusLatest()) {
            if (row.before().isEmpty() && row.after().isEmpty()) {
                continue; // assessed at neither visit: nothing to say
            }
            Color changeColour = switch (row.trend()) {
                case BETTER -> BETTER;
                case WORSE -> WORSE;
                default -> PageFlow.TEXT;
            };
            String change = row.important() ? row.change() + " ★" : row.change();
            rows.add(new Row(new String[] {row.measure(), row.before(), row.after(), change}, row.important(),
                    changeColour));
        }
        table(flow, new String[] {Messages.get("report.column.measure"),
            Messages.format("report.column.first", shortDate(report.visits().get(0).date())),
            Messages.format("report.column.latest", shortDate(report.visits().get(report.visits().size() - 1).date())),
            Messages.get("report.column.change")}, new float[] {0.36f, 0.2f, 0.2f, 0.24f}, rows);
        flow.down(4);
        flow.paragraph(Messages.get("report.important"), false, BODY, PageFlow.MUTED);
        flow.down(12);
    }

    private void visits(PageFlow flow, ProgressReport report) throws IOException {
        if (report.visits().isEmpty()) {
            return;
        }
        flow.need(HEADING * 4);
        flow.heading(2, Messages.get("report.visits"), HEADING, PageFlow.TEXT);
        flow.down(4);
        List<Row> rows = report.visits().stream()
                .map(v -> new Row(new String[] {shortDate(v.date()), v.kind(),
                    v.draft() ? (v.stage().isEmpty() ? Messages.get("report.draftOnly") : Messages.format("report.draft", v.stage())) : v.stage()}, false, null))
                .toList();
        table(flow, new String[] {Messages.get("report.column.date"), Messages.get("report.column.kind"),
            Messages.get("report.column.stage")}, new float[] {0.28f, 0.32f, 0.40f}, rows);
        flow.down(12);
    }

    private void charts(PageFlow flow, ProgressReport report) throws IOException {
        List<ProgressChart> shown = report.charts().stream().filter(ProgressChart::hasData).toList();
        if (shown.isEmpty()) {
            return;
        }
        boolean first = true;
        for (ProgressChart chart : shown) {
            float titleHeight = HEADING * 1.35f + 4;
            float needed = CHART_HEIGHT + titleHeight + (first ? HEADING * 1.35f + 4 : 0) + 14;
            flow.need(needed);
            if (first) {
                flow.heading(2, Messages.get("report.charts"), HEADING, PageFlow.TEXT);
                flow.down(4);
                first = false;
            }
            flow.heading(3, chart.title(), 12, PageFlow.TEXT);
            flow.down(2);
            StyledText text = flow.text();
            ChartLayout.Layout layout = ChartLayout.of(chart, flow.width(), CHART_HEIGHT, CHART_FONT,
                    (value, size, bold) -> text.width(value, bold, (float) size),
                    ProgressReportRenderer::chartDate, Messages.get("progress.empty"));
            var figure = flow.begin("Figure");
            figure.setAlternateDescription(ChartWords.of(chart, ProgressReportRenderer::shortDate));
            PdfDocument.box(figure, flow.left(), flow.y() - CHART_HEIGHT, flow.width(), CHART_HEIGHT);
            float top = flow.y();
            flow.tagged(() -> ChartDrawer.draw(flow.content(), text, layout, flow.left(), top));
            flow.end();
            flow.down(CHART_HEIGHT + 14);
        }
    }

    /** A date on a chart's time axis: short, with the year. */
    public static String chartDate(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMM yy", Locale.getDefault()).format(date);
    }

    private record Row(String[] cells, boolean highlight, Color lastColour) {
    }

    /**
     * A table whose cells wrap; the header is repeated when the table runs onto a new page (drawn there
     * as an artefact: the table's structure has its header once).
     */
    private static void table(PageFlow flow, String[] headers, float[] widths, List<Row> rows) throws IOException {
        flow.begin("Table");
        row(flow, new Row(headers, false, null), widths, true, false);
        int page = flow.pages();
        for (Row row : rows) {
            float height = height(flow, row.cells(), widths, false);
            flow.need(height);
            if (flow.pages() != page) {
                row(flow, new Row(headers, false, null), widths, true, true);
                page = flow.pages();
            }
            row(flow, row, widths, false, false);
        }
        flow.end();
    }

    private static float height(PageFlow flow, String[] cells, float[] widths, boolean bold) {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            lines = Math.max(lines, flow.text().wrap(cells[i], bold, BODY, widths[i] * flow.width() - 8).size());
        }
        return lines * BODY * 1.3f + BODY * 0.7f;
    }

    private static void row(PageFlow flow, Row row, float[] widths, boolean header, boolean repeated)
            throws IOException {
        boolean bold = header || row.highlight();
        float height = height(flow, row.cells(), widths, bold);
        flow.need(height);
        PDPageContentStream content = flow.content();
        float top = flow.y();
        if (header || row.highlight()) {
            flow.decoration(() -> {
                content.setNonStrokingColor(header ? HEADER_FILL : HIGHLIGHT);
                content.addRect(flow.left(), top - height, flow.width(), height);
                content.fill();
            });
        }
        if (!repeated) {
            flow.begin("TR");
        }
        float x = flow.left();
        for (int i = 0; i < row.cells().length; i++) {
            float cellWidth = widths[i] * flow.width();
            List<String> lines = flow.text().wrap(row.cells()[i], bold, BODY, cellWidth - 8);
            boolean last = i == row.cells().length - 1;
            Color colour = last && row.lastColour() != null ? row.lastColour() : PageFlow.TEXT;
            float cellX = x;
            StructureTree.Drawing text = () -> {
                content.setNonStrokingColor(colour);
                float baseline = top - BODY * 1.25f;
                for (String line : lines) {
                    flow.text().show(content, line, bold, BODY, cellX + 4, baseline);
                    baseline -= BODY * 1.3f;
                }
            };
            if (repeated) {
                flow.decoration(text);
            } else {
                var cell = flow.begin(header ? "TH" : "TD");
                if (header) {
                    PdfDocument.columnHeader(cell);
                }
                flow.tagged(text);
                flow.end();
            }
            x += cellWidth;
        }
        if (!repeated) {
            flow.end();
        }
        flow.down(height);
        flow.rowRule();
    }

}
