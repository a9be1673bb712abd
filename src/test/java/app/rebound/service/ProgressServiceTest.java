package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.ValidationException;
import app.rebound.domain.progress.ChartPoint;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ComparisonRow.Trend;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.TestKeys;

/** Progress through the services on a real H2 file: visits in date order, charts, summary, comparison. */
class ProgressServiceTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 5, 4);
    private static final LocalDate SECOND = LocalDate.of(2026, 6, 1);
    private static final LocalDate THIRD = LocalDate.of(2026, 7, 6);

    @TempDir
    Path folder;

    private Services services;
    private Patient zoe;
    private Visit first;
    private Visit second;
    private Visit third;

    @BeforeEach
    void open() {
        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);
        zoe = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
        first = visit(FIRST, VisitKind.INITIAL, 2, 3, 4, 5, 6, List.of(2, 3), 12, Stage.CONNECT);
        second = visit(SECOND, VisitKind.FOLLOW_UP, 3, 5, 6, 7, 4, List.of(4, 4), 9, Stage.LOW_LOAD);
        third = visit(THIRD, VisitKind.FOLLOW_UP, 4, 8, 8, 9, 2, List.of(6, 5), 5, null);
        // saved out of date order: the service must put them in order
        services.visits().complete(third);
        services.visits().complete(first);
        services.visits().complete(second);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Visit visit(LocalDate date, VisitKind kind, int power, int endurance, int repetitions, int fast,
            int pain, List<Integer> psfs, int iciq, Stage stage) {
        PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, power, endurance, repetitions, fast,
                null, null, null, null, null, null, null);
        Symptoms symptoms = new Symptoms(null, null, null, null, null, null, null, null, pain, null);
        List<PsfsItem> items = psfs.stream().map(s -> new PsfsItem("Running 5 km " + s, s)).toList();
        return new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date, VisitStatus.DRAFT, "Ingrid Hansen", kind,
                null, symptoms, Set.of(), floor, null, null, null, new Outcomes(items, iciq, null), stage, null,
                null);
    }

    private ProgressService progress() {
        return services.progress();
    }

    private static ComparisonRow row(List<ComparisonRow> rows, String measure) {
        return rows.stream().filter(r -> r.measure().equals(measure)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + measure + " in " + rows));
    }

    @Test
    void loadGivesThePatientAndHerVisitsInDateOrderEachWithTheStageIssued() {
        ProgressService.Progress progress = progress().load(zoe.id());

        assertThat(progress.patient().id()).isEqualTo(zoe.id());
        assertThat(progress.patient().givenName()).isEqualTo("Zoë");
        assertThat(progress.patient().familyName()).isEqualTo("Ødegård");
        assertThat(progress.visits()).extracting(e -> e.visit().id())
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(progress.visits()).extracting(e -> e.visit().date()).containsExactly(FIRST, SECOND, THIRD);
        assertThat(progress.visits()).extracting(e -> e.visit().status()).containsOnly(VisitStatus.COMPLETE);
        // the clinician's choice where she made one, else the rules' suggestion: never blank
        assertThat(progress.visits().get(0).stage()).isEqualTo(Messages.name(Stage.CONNECT));
        assertThat(progress.visits().get(1).stage()).isEqualTo(Messages.name(Stage.LOW_LOAD));
        List<String> names = Arrays.stream(SuggestedStage.values()).map(Messages::name).toList();
        assertThat(progress.visits().get(2).stage()).isNotBlank().isIn(names);
        assertThat(progress.latest()).isNotNull();
        assertThat(progress.summary()).isEmpty();
        assertThat(progress.visit(second.id()).visit().pelvicFloor().power()).isEqualTo(3);
    }

    @Test
    void thePerfectChartHasAPointPerVisitInDateOrder() {
        ProgressService.Progress progress = progress().load(zoe.id());

        ProgressChart perfect = ProgressCharts.find(progress.charts(), ProgressCharts.PERFECT).orElseThrow();
        assertThat(perfect.hasData()).isTrue();
        List<ChartPoint> power = perfect.series("power").orElseThrow().values();
        assertThat(power).hasSize(3);
        assertThat(power).extracting(ChartPoint::date).containsExactly(FIRST, SECOND, THIRD);
        assertThat(power).extracting(ChartPoint::value).containsExactly(2.0, 3.0, 4.0);
        assertThat(power).extracting(ChartPoint::visitId).containsExactly(first.id(), second.id(), third.id());
        assertThat(perfect.series("endurance").orElseThrow().values()).extracting(ChartPoint::value)
                .containsExactly(3.0, 5.0, 8.0);
        assertThat(perfect.visits()).hasSize(3);
        ProgressChart pain = ProgressCharts.find(progress.charts(), ProgressCharts.PAIN).orElseThrow();
        assertThat(pain.series("pain").orElseThrow().values()).extracting(ChartPoint::value)
                .containsExactly(6.0, 4.0, 2.0);
        // nothing recorded for the inter-rectus distance: a chart without data
        assertThat(ProgressCharts.find(progress.charts(), ProgressCharts.irdId(null)).orElseThrow().hasData())
                .isFalse();
    }

    @Test
    void aSavedSummaryIsLoadedWithTheProgress() {
        String saved = progress().saveSummary(zoe.id(), "Zoë has made steady progress.\n李小龙 — Ana-María O'Neil");

        assertThat(saved).isEqualTo("Zoë has made steady progress.\n李小龙 — Ana-María O'Neil");
        assertThat(progress().load(zoe.id()).summary()).isEqualTo(saved);
    }

    @Test
    void theSummaryIsCleanedTrailingSpaceRemovedAndNormalisedToNfc() {
        String saved = progress().saveSummary(zoe.id(), "Zoe\u0308 O\u0308 is better  \n\n ");

        assertThat(saved).isEqualTo("Zo\u00EB \u00D6 is better");
        assertThat(progress().load(zoe.id()).summary()).isEqualTo("Zo\u00EB \u00D6 is better");
    }

    @Test
    void aBlankSummaryClearsTheSavedOne() {
        progress().saveSummary(zoe.id(), "To be cleared");

        assertThat(progress().saveSummary(zoe.id(), "  \n ")).isEmpty();
        assertThat(progress().load(zoe.id()).summary()).isEmpty();
        assertThat(progress().saveSummary(zoe.id(), null)).isEmpty();
        assertThat(progress().load(zoe.id()).summary()).isEmpty();
    }

    @Test
    void aSummaryOfTheMaximumLengthIsKept() {
        String longest = "李".repeat(Measures.NOTES_MAX_LENGTH);

        assertThat(progress().saveSummary(zoe.id(), longest + "   ")).isEqualTo(longest);
        assertThat(progress().load(zoe.id()).summary()).isEqualTo(longest);
    }

    @Test
    void anOverLongSummaryIsRefusedAndTheEarlierOneKept() {
        progress().saveSummary(zoe.id(), "Earlier summary");

        ValidationException e = catchThrowableOfType(
                () -> progress().saveSummary(zoe.id(), "x".repeat(Measures.NOTES_MAX_LENGTH + 1)),
                ValidationException.class);

        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("summary");
            assertThat(v.messageKey()).isEqualTo("validation.tooLongNow");
            assertThat(v.arguments()).containsExactly(Measures.NOTES_MAX_LENGTH, Measures.NOTES_MAX_LENGTH + 1);
        });
        assertThat(e.getMessage()).doesNotContain("xxx");
        assertThat(progress().load(zoe.id()).summary()).isEqualTo("Earlier summary");
    }

    @Test
    void theSummarySurvivesReopeningTheDatabase() {
        progress().saveSummary(zoe.id(), "李小龙 and Zoë Ødegård");
        services.close();

        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);

        ProgressService.Progress progress = progress().load(zoe.id());
        assertThat(progress.summary()).isEqualTo("李小龙 and Zoë Ødegård");
        assertThat(progress.visits()).hasSize(3);
    }

    @Test
    void compareGivesTheChangeFromTheEarlierToTheLaterVisit() {
        ProgressService.Progress progress = progress().load(zoe.id());

        List<ComparisonRow> rows = ProgressService.compare(progress, first.id(), third.id());

        ComparisonRow stage = row(rows, Messages.get("progress.row.stage"));
        assertThat(stage.before()).isEqualTo(Messages.name(Stage.CONNECT));
        assertThat(stage.after()).isEqualTo(progress.visits().get(2).stage());

        ComparisonRow power = row(rows, Messages.get("progress.series.power"));
        assertThat(power.before()).isEqualTo("2");
        assertThat(power.after()).isEqualTo("4");
        assertThat(power.change()).isEqualTo("+2");
        assertThat(power.trend()).isEqualTo(Trend.BETTER);
        assertThat(power.important()).isTrue();

        ComparisonRow endurance = row(rows, Messages.get("progress.series.endurance"));
        assertThat(endurance.before()).isEqualTo("3 s");
        assertThat(endurance.after()).isEqualTo("8 s");
        assertThat(endurance.change()).isEqualTo("+5 s");
        assertThat(endurance.trend()).isEqualTo(Trend.BETTER);
        assertThat(endurance.important()).isFalse();

        ComparisonRow pain = row(rows, Messages.get("progress.series.pain"));
        assertThat(pain.before()).isEqualTo("6");
        assertThat(pain.after()).isEqualTo("2");
        assertThat(pain.change()).isEqualTo("\u22124");
        assertThat(pain.trend()).isEqualTo(Trend.BETTER);
        assertThat(pain.important()).isTrue();

        ComparisonRow psfs = row(rows, Messages.get("progress.series.psfs"));
        assertThat(psfs.before()).isEqualTo("2.5");
        assertThat(psfs.after()).isEqualTo("5.5");
        assertThat(psfs.change()).isEqualTo("+3");
        assertThat(psfs.trend()).isEqualTo(Trend.BETTER);
        assertThat(psfs.important()).isTrue();

        ComparisonRow iciq = row(rows, Messages.get("progress.series.iciq"));
        assertThat(iciq.change()).isEqualTo("\u22127");
        assertThat(iciq.trend()).isEqualTo(Trend.BETTER);

        // not assessed at either visit: no change
        ComparisonRow load = row(rows, Messages.get("progress.row.loadPassed"));
        assertThat(load.before()).isEmpty();
        assertThat(load.after()).isEmpty();
        assertThat(load.trend()).isEqualTo(Trend.NONE);
    }

    @Test
    void compareSmallChangesAreNotImportantAndOrderOfArgumentsDoesNotMatter() {
        ProgressService.Progress progress = progress().load(zoe.id());

        List<ComparisonRow> forwards = ProgressService.compare(progress, first.id(), second.id());
        List<ComparisonRow> backwards = ProgressService.compare(progress, second.id(), first.id());

        assertThat(backwards).isEqualTo(forwards);
        ComparisonRow power = row(forwards, Messages.get("progress.series.power"));
        assertThat(power.change()).isEqualTo("+1");
        assertThat(power.important()).isTrue();
        ComparisonRow pain = row(forwards, Messages.get("progress.series.pain"));
        assertThat(pain.change()).isEqualTo("\u22122");
        assertThat(pain.important()).isTrue();
        ComparisonRow psfs = row(forwards, Messages.get("progress.series.psfs"));
        assertThat(psfs.change()).isEqualTo("+1.5");
        assertThat(psfs.important()).isFalse();
        ComparisonRow stage = row(forwards, Messages.get("progress.row.stage"));
        assertThat(stage.before()).isEqualTo(Messages.name(Stage.CONNECT));
        assertThat(stage.after()).isEqualTo(Messages.name(Stage.LOW_LOAD));
    }

    @Test
    void compareAVisitWithItselfShowsNoChange() {
        ProgressService.Progress progress = progress().load(zoe.id());

        List<ComparisonRow> rows = ProgressService.compare(progress, second.id(), second.id());

        assertThat(row(rows, Messages.get("progress.series.power")).change()).isEqualTo("0");
        assertThat(row(rows, Messages.get("progress.series.power")).trend()).isEqualTo(Trend.SAME);
        assertThat(rows).noneMatch(ComparisonRow::important);
    }

    @Test
    void compareWithAVisitNotInTheProgressIsRefused() {
        ProgressService.Progress progress = progress().load(zoe.id());

        assertThatThrownBy(() -> ProgressService.compare(progress, first.id(), UUID.randomUUID()))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void loadingAnUnknownPatientIsRefused() {
        assertThatThrownBy(() -> progress().load(UUID.randomUUID())).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aPatientWithoutVisitsHasNoLatestReadinessAndChartsWithoutData() {
        Patient ana = services.patients().save(VisitFixture.patient("Ana-María", "O'Neil"));

        ProgressService.Progress progress = progress().load(ana.id());

        assertThat(progress.visits()).isEmpty();
        assertThat(progress.latest()).isNull();
        assertThat(progress.charts()).isNotEmpty().noneMatch(ProgressChart::hasData);
        assertThat(progress.summary()).isEmpty();
    }

    @Test
    void aDraftVisitIsIncludedAndEachPatientSeesOnlyHerOwnVisits() {
        Patient li = services.patients().save(VisitFixture.patient("小龙", "李"));
        Visit draft = new Visit(UUID.randomUUID(), li.id(), Instant.EPOCH, SECOND, VisitStatus.DRAFT, null,
                VisitKind.INITIAL, null, null, Set.of(), null, null, null, null, null, null, null, null);
        services.visits().save(draft);

        ProgressService.Progress hers = progress().load(li.id());
        ProgressService.Progress zoes = progress().load(zoe.id());

        assertThat(hers.visits()).singleElement().satisfies(e -> {
            assertThat(e.visit().id()).isEqualTo(draft.id());
            assertThat(e.visit().status()).isEqualTo(VisitStatus.DRAFT);
        });
        assertThat(zoes.visits()).extracting(e -> e.visit().id()).doesNotContain(draft.id()).hasSize(3);
    }

    @Test
    void ofSortsVisitsGivenInAnyOrder() {
        List<Visit> stored = services.visits().visitsOf(zoe.id());
        List<Visit> reversed = new ArrayList<>(stored);
        Collections.reverse(reversed);

        ProgressService.Progress progress = ProgressService.of(zoe, reversed, "text");

        assertThat(progress.visits()).extracting(e -> e.visit().date()).containsExactly(FIRST, SECOND, THIRD);
        assertThat(progress.summary()).isEqualTo("text");
        assertThat(progress.visits()).extracting(ProgressCharts.Entry::stage).containsExactlyElementsOf(
                progress().load(zoe.id()).visits().stream().map(ProgressCharts.Entry::stage).toList());
    }
}
