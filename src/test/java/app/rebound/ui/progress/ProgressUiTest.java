package app.rebound.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Appearance;
import app.rebound.domain.Patient;
import app.rebound.domain.progress.ChartLayout;
import app.rebound.domain.progress.ChartPoint;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.shell.MainWindowFixture;

/** A patient with three visits: her charts, two visits compared, the summary and the report. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProgressUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(30));
    private final LocalDate first = TODAY.minusDays(56);
    private final LocalDate second = TODAY.minusDays(28);

    @TempDir
    Path out;

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** Power 2 → 3 → 4, pain 6 → 5 → 3, PSFS 3 → 4 → 6; the middle visit has no pain recorded. */
    private void threeVisits() {
        save(first, 2, 6, 3, VisitKind.INITIAL);
        save(second, 3, null, 4, VisitKind.FOLLOW_UP);
        save(TODAY, 4, 3, 6, VisitKind.FOLLOW_UP);
    }

    private void save(LocalDate date, int power, Integer pain, int psfs, VisitKind kind) {
        PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, power, 5, 5, 6, true, true, true,
                Relaxation.COMPLETE, Tone.NORMAL, null, null);
        Symptoms symptoms = new Symptoms(false, false, false, false, false, false, false, false, pain, null);
        Outcomes outcomes = new Outcomes(List.of(new PsfsItem("Running", psfs)), null, null);
        window.services().visits().save(new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date,
                VisitStatus.COMPLETE, null, kind, null, symptoms, Set.of(), floor, null, null, null, outcomes,
                null, null, null));
    }

    private ProgressView openProgress(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.navigator().openWorkspace(zoe.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#openProgress").tryQuery()
                .map(n -> n.getScene() != null && !n.isDisabled()).orElse(false));
        robot.clickOn("#openProgress");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.progressView() != null
                && window.progressView().getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.progressView();
    }

    private static ChartView chart(FxRobot robot, String id) {
        return robot.lookup("#chart-" + id).queryAs(ChartView.class);
    }

    @Test
    void threeVisitsAreThreePointsInThePerfectChartAndAGapStaysAGap(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        openProgress(robot);

        ChartView perfect = chart(robot, "perfect");
        List<ChartPoint> power = perfect.chart().series("power").orElseThrow().values();
        assertThat(power).extracting(ChartPoint::date).containsExactly(first, second, TODAY);
        assertThat(power).extracting(ChartPoint::value).containsExactly(2.0, 3.0, 4.0);
        assertThat(perfect.drawn().dots()).filteredOn(d -> d.series().key().equals("power")).hasSize(3);

        ChartView pain = chart(robot, "pain");
        assertThat(pain.chart().series("pain").orElseThrow().points()).extracting(ChartPoint::value)
                .containsExactly(6.0, null, 3.0);
        assertThat(pain.drawn().marks()).noneMatch(ChartLayout.Polyline.class::isInstance); // no line over the gap
        assertThat(pain.drawn().dots()).hasSize(2);

        // the stage issued shows along the time axis
        assertThat(perfect.drawn().labels()).extracting(ChartLayout.Label::text).anyMatch(t -> !t.isEmpty()
                && t.matches("\\d .*"));
    }

    /** At 200 % a chart's lines and points are drawn twice as thick as at 100 %, as its text is twice the size. */
    @Test
    void theLinesAndPointsFollowTheTextSize(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        openProgress(robot);
        ChartView perfect = chart(robot, "perfect");
        ChartLayout.Polyline line = perfect.drawn().marks().stream().filter(ChartLayout.Polyline.class::isInstance)
                .map(ChartLayout.Polyline.class::cast).findFirst().orElseThrow();
        double radius = perfect.drawn().dots().get(0).radius();
        try {
            robot.interact(() -> Theme.use(new Appearance(Appearance.Scheme.LIGHT, 200)));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> perfect.drawn().height() > 1.9 * ChartView.HEIGHT);
            ChartLayout.Polyline thicker = perfect.drawn().marks().stream()
                    .filter(ChartLayout.Polyline.class::isInstance).map(ChartLayout.Polyline.class::cast)
                    .findFirst().orElseThrow();
            assertThat(thicker.width()).isEqualTo(2 * line.width());
            assertThat(perfect.drawn().dots().get(0).radius()).isEqualTo(2 * radius);
        } finally {
            robot.interact(() -> Theme.use(Appearance.DEFAULT));
        }
    }

    @Test
    void hoveringAPointShowsItsValueAndDate(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        openProgress(robot);
        ChartView perfect = chart(robot, "perfect");
        ChartLayout.Dot dot = perfect.drawn().dots().stream()
                .filter(d -> d.series().key().equals("power") && d.point().date().equals(second))
                .findFirst().orElseThrow();
        Node plot = perfect.lookup(".chart-plot");
        robot.moveTo(plot.localToScreen(dot.x() + 30, dot.y() + 30));
        robot.moveTo(plot.localToScreen(dot.x() + 2, dot.y() + 1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> perfect.tooltip().isShowing());
        Tooltip shown = perfect.tooltip();
        assertThat(shown.getText()).contains("Power (MOS 0–5): 3").contains("25/10/2026");
    }

    @Test
    void comparesAnyTwoVisitsWithTheRightDeltas(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        ProgressView view = openProgress(robot);
        robot.clickOn("Compare visits");
        WaitForAsyncUtils.waitForFxEvents();

        ComparisonRow power = row(view, "Power (MOS 0–5)");
        assertThat(power.before()).isEqualTo("2");
        assertThat(power.after()).isEqualTo("4");
        assertThat(power.change()).isEqualTo("+2");
        assertThat(power.important()).isTrue();
        ComparisonRow pain = row(view, "Pain (NPRS)");
        assertThat(pain.change()).isEqualTo("\u22123");
        assertThat(pain.trend()).isEqualTo(ComparisonRow.Trend.BETTER);
        assertThat(pain.important()).isTrue();
        ComparisonRow psfs = row(view, "PSFS mean");
        assertThat(psfs.change()).isEqualTo("+3");
        assertThat(psfs.important()).isTrue();

        // the later two visits instead: power +1 still matters, PSFS +2 matters, pain was not recorded
        @SuppressWarnings("unchecked")
        ComboBox<ProgressCharts.Entry> from = robot.lookup("#compareFirst").queryAs(ComboBox.class);
        robot.clickOn(from);
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("25/10/2026")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from.getValue().visit().date()).isEqualTo(second);
        assertThat(row(view, "Power (MOS 0–5)").change()).isEqualTo("+1");
        assertThat(row(view, "Power (MOS 0–5)").important()).isTrue();
        assertThat(row(view, "PSFS mean").change()).isEqualTo("+2");
        assertThat(row(view, "Pain (NPRS)").change()).isEmpty();
        assertThat(view.comparisonTable().getColumns().get(2).getText()).isEqualTo("25/10/2026");
    }

    @Test
    void comparingListsSymptomChangesAndUnitsReadRight(FxRobot robot) throws Exception {
        waitUntilReady();
        window.services().visits().save(VisitFixture.day(0).forPatient(zoe.id())
                .date(first).symptoms(false).symptom("urinaryIncontinence", true)
                .ird(IrdUnit.FINGER_WIDTHS, "2", "1", null).visit());
        window.services().visits().save(VisitFixture.day(0).forPatient(zoe.id())
                .date(TODAY).symptoms(false).symptom("heavinessOrBulge", true)
                .ird(IrdUnit.FINGER_WIDTHS, "1", "1", null).visit());
        ProgressView view = openProgress(robot);
        robot.clickOn("Compare visits");
        WaitForAsyncUtils.waitForFxEvents();

        ComparisonRow leaking = row(view, "Urinary incontinence");
        assertThat(List.of(leaking.before(), leaking.after(), leaking.change())).containsExactly("Yes", "No",
                "Resolved");
        ComparisonRow heaviness = row(view, "Heaviness, pressure, bulge or dragging");
        assertThat(List.of(heaviness.before(), heaviness.after(), heaviness.change())).containsExactly("No", "Yes",
                "New");
        ComparisonRow above = view.comparisonTable().getItems().stream()
                .filter(r -> r.measure().equals("IRD above umbilicus")).findFirst().orElseThrow();
        assertThat(List.of(above.before(), above.after(), above.change()))
                .containsExactly("2 finger widths", "1 finger width", "\u22121 finger width");
        // what is shown is what the rows say
        robot.interact(() -> view.comparisonTable().scrollTo(above));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(view.comparisonTable()).lookup((Text t) -> "1 finger width"
                .equals(t.getText())).tryQuery()).isPresent();
    }

    private static ComparisonRow row(ProgressView view, String measure) {
        return view.comparisonTable().getItems().stream().filter(r -> r.measure().equals(measure)).findFirst()
                .orElseThrow();
    }

    @Test
    void theSummaryIsKeptAndTheReportReadsBack(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        ProgressView view = openProgress(robot);
        robot.clickOn("Report summary");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reportSummary").write("Stronger every visit; ready for hopping.");
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.services().progress().load(zoe.id()).summary().equals(
                        "Stronger every visit; ready for hopping."));

        Path file = out.resolve("report.pdf");
        robot.interact(() -> view.model().exportReport(file, () -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(file)
                && !view.model().busyProperty().get());
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Zoë Ødegård").contains("Stronger every visit; ready for hopping.");
            for (LocalDate date : List.of(first, second, TODAY)) {
                assertThat(text).contains(DateTimeFormatter
                        .ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK)
                        .format(date));
            }
        }
        assertThat(robot.lookup("#progressState").queryLabeled().getText()).contains("report.pdf");
    }

    @Test
    void anOverLongSummaryIsRefusedAndTheSavedOneKept(FxRobot robot) throws Exception {
        waitUntilReady();
        threeVisits();
        window.services().progress().saveSummary(zoe.id(), "Kept");
        ProgressView view = openProgress(robot);
        robot.interact(() -> view.model().summaryProperty().set("x".repeat(20_001)));
        robot.interact(() -> view.model().saveSummary());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !view.model().summaryProblemProperty().get().isEmpty());
        assertThat(view.model().summaryProblemProperty().get()).contains("20,000");
        assertThat(window.services().progress().load(zoe.id()).summary()).isEqualTo("Kept");
        assertThat(robot.lookup("#exportReport").query().isDisabled()).isTrue();
    }
}
