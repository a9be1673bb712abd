package app.rebound.domain.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import app.rebound.domain.Decimals;
import app.rebound.domain.Messages;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;

/**
 * Builds a patient's progress charts from her visits: PERFECT, the four strength tests with their
 * target, load and impact tests passed, inter-rectus distance (one chart per unit, never two units
 * on one axis), minutes of running before symptoms, pain, PSFS (the mean and each activity) and
 * ICIQ-UI SF. Visits are put in date order; a measure not assessed at a visit is a gap.
 */
public final class ProgressCharts {

    /** A visit and the stage issued at it, as the time axis shows it. */
    public record Entry(Visit visit, String stage) {

        public Entry {
            Objects.requireNonNull(visit, "visit");
            stage = stage == null ? "" : stage;
        }
    }

    public static final String PERFECT = "perfect";
    public static final String LOAD = "load";
    public static final String RUN_ONSET = "runOnset";
    public static final String PAIN = "pain";
    public static final String PSFS = "psfs";
    public static final String ICIQ = "iciq";

    private ProgressCharts() {
    }

    public static String strengthId(StrengthTest test) {
        return "strength." + test.name();
    }

    /** The inter-rectus distance chart for a unit; null for values recorded without a unit. */
    public static String irdId(IrdUnit unit) {
        return unit == null ? "ird" : "ird." + unit.name();
    }

    public static List<ProgressChart> build(List<Entry> entries) {
        List<Entry> ordered = entries.stream()
                .sorted(Comparator.comparing(Entry::visit, ReadinessRules.ORDER))
                .toList();
        List<VisitMark> marks = ordered.stream()
                .map(e -> new VisitMark(e.visit().id(), e.visit().date(), e.stage(),
                        e.visit().status() == VisitStatus.DRAFT))
                .toList();
        List<Visit> visits = ordered.stream().map(Entry::visit).toList();
        List<ProgressChart> charts = new ArrayList<>();
        charts.add(new ProgressChart(PERFECT, Messages.get("progress.chart.perfect"), "", 0, 10, List.of(
                series(visits, "power", Messages.get("progress.series.power"), v -> v.pelvicFloor().power(), ""),
                series(visits, "endurance", Messages.get("progress.series.endurance"),
                        v -> v.pelvicFloor().enduranceSeconds(), "s"),
                series(visits, "repetitions", Messages.get("progress.series.repetitions"),
                        v -> v.pelvicFloor().repetitions(), ""),
                series(visits, "fast", Messages.get("progress.series.fast"),
                        v -> v.pelvicFloor().fastContractions(), "")),
                List.of(), marks));
        for (StrengthTest test : StrengthTest.values()) {
            ChartSeries left = series(visits, "left", Messages.get("progress.series.left"),
                    v -> v.strength(test).left(), "reps");
            ChartSeries right = series(visits, "right", Messages.get("progress.series.right"),
                    v -> v.strength(test).right(), "reps");
            double top = Math.max(25, ChartScale.niceCeiling(Math.max(max(left), max(right))));
            charts.add(new ProgressChart(strengthId(test), Messages.name(test), Messages.unit("reps"), 0, top,
                    List.of(left, right),
                    List.of(new TargetLine(StrengthTest.TARGET_REPETITIONS, Messages.format("progress.target",
                            StrengthTest.TARGET_REPETITIONS))),
                    marks));
        }
        charts.add(new ProgressChart(LOAD, Messages.get("progress.chart.load"), "", 0, LoadTest.values().length,
                List.of(loadSeries(visits)), List.of(), marks));
        charts.addAll(irdCharts(visits, marks));
        ChartSeries run = series(visits, "minutes", Messages.get("progress.series.runOnset"),
                v -> v.symptoms().runSymptomOnsetMinutes(), "min");
        charts.add(new ProgressChart(RUN_ONSET, Messages.get("progress.chart.runOnset"), Messages.unit("min"), 0,
                Math.max(10, ChartScale.niceCeiling(max(run))), List.of(run), List.of(), marks));
        charts.add(new ProgressChart(PAIN, Messages.get("progress.chart.pain"), "", 0, 10,
                List.of(series(visits, "pain", Messages.get("progress.series.pain"), v -> v.symptoms().painNrs(), "")),
                List.of(), marks));
        List<ChartSeries> psfs = new ArrayList<>();
        psfs.add(decimalSeries(visits, "psfs", Messages.get("progress.series.psfs"),
                v -> v.outcomes().psfsMean().orElse(null), ""));
        psfs.addAll(activitySeries(visits));
        charts.add(new ProgressChart(PSFS, Messages.get("progress.chart.psfs"), "", 0, 10, psfs, List.of(), marks));
        charts.add(new ProgressChart(ICIQ, Messages.get("progress.chart.iciq"), "", 0, 21,
                List.of(series(visits, "iciq", Messages.get("progress.series.iciq"),
                        v -> v.outcomes().iciqUiSfScore(), "")),
                List.of(), marks));
        return List.copyOf(charts);
    }

    public static Optional<ProgressChart> find(List<ProgressChart> charts, String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static double max(ChartSeries series) {
        return series.values().stream().mapToDouble(ChartPoint::value).max().orElse(0);
    }

    private static ChartSeries series(List<Visit> visits, String key, String name, Function<Visit, Integer> value,
            String unit) {
        List<ChartPoint> points = new ArrayList<>(visits.size());
        for (Visit v : visits) {
            Integer n = value.apply(v);
            points.add(new ChartPoint(v.id(), v.date(), n == null ? null : n.doubleValue(),
                    n == null ? "" : withUnit(n.toString(), unit), ""));
        }
        return new ChartSeries(key, name, points);
    }

    private static ChartSeries decimalSeries(List<Visit> visits, String key, String name,
            Function<Visit, BigDecimal> value, String unit) {
        List<ChartPoint> points = new ArrayList<>(visits.size());
        for (Visit v : visits) {
            BigDecimal n = Decimals.shortest(value.apply(v));
            points.add(new ChartPoint(v.id(), v.date(), n == null ? null : n.doubleValue(),
                    n == null ? "" : withUnit(n.toPlainString(), unit), ""));
        }
        return new ChartSeries(key, name, points);
    }

    static String withUnit(String value, String unit) {
        String shown = Messages.unit(unit, isOne(value));
        return shown.isEmpty() ? value : value + " " + shown;
    }

    /** "1", "+1" or "−1": a unit after it reads in the singular ("1 finger width"). */
    private static boolean isOne(String value) {
        String digits = value.startsWith("+") || value.startsWith("\u2212") || value.startsWith("-")
                ? value.substring(1) : value;
        return digits.equals("1");
    }

    /**
     * One line for each PSFS activity (the same activity at each visit by its name, whatever the case),
     * in the order they were first scored, named as she last put it; a visit that did not score it is a gap.
     */
    private static List<ChartSeries> activitySeries(List<Visit> visits) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Visit v : visits) {
            for (PsfsItem item : v.outcomes().psfs()) {
                if (item.activity() != null && !item.activity().isBlank() && item.score() != null) {
                    names.put(Outcomes.key(item.activity()), item.activity().strip());
                }
            }
        }
        List<ChartSeries> series = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, String> activity : names.entrySet()) {
            String key = activity.getKey();
            series.add(series(visits, "activity." + index++, activity.getValue(), v -> v.outcomes().psfs().stream()
                    .filter(item -> Outcomes.key(item.activity()).equals(key) && item.score() != null)
                    .map(PsfsItem::score).findFirst().orElse(null), ""));
        }
        return series;
    }

    /** Load and impact tests passed out of seven; a visit where none was tested is a gap. */
    private static ChartSeries loadSeries(List<Visit> visits) {
        List<ChartPoint> points = new ArrayList<>(visits.size());
        for (Visit v : visits) {
            if (v.loadImpact().isEmpty()) {
                points.add(new ChartPoint(v.id(), v.date(), null, "", ""));
                continue;
            }
            Set<LoadTest> passed = passedTests(v);
            List<String> names = passed.stream().map(Messages::name).toList();
            String detail = passed.isEmpty() ? Messages.get("progress.load.nonePassed")
                    : Messages.format("progress.load.passed", String.join(", ", names));
            points.add(new ChartPoint(v.id(), v.date(), (double) passed.size(),
                    Messages.format("progress.load.count", passed.size(), LoadTest.values().length), detail));
        }
        return new ChartSeries("passed", Messages.get("progress.series.load"), points);
    }

    /** The load and impact tests passed at a visit (a one-sided test on both sides). */
    public static Set<LoadTest> passedTests(Visit visit) {
        Set<LoadTest> passed = EnumSet.noneOf(LoadTest.class);
        for (LoadTest test : LoadTest.values()) {
            if (ReadinessRules.passed(visit, test)) {
                passed.add(test);
            }
        }
        return passed;
    }

    /** One chart for each unit the distance was measured in, in the order of the units. */
    private static List<ProgressChart> irdCharts(List<Visit> visits, List<VisitMark> marks) {
        List<IrdUnit> units = new ArrayList<>();
        boolean withoutUnit = false;
        for (Visit v : visits) {
            AbdominalWall wall = v.abdominalWall();
            if (hasDistance(wall)) {
                if (wall.unit() == null) {
                    withoutUnit = true;
                } else if (!units.contains(wall.unit())) {
                    units.add(wall.unit());
                }
            }
        }
        units.sort(Comparator.naturalOrder());
        List<IrdUnit> shown = new ArrayList<>(units);
        if (withoutUnit || shown.isEmpty()) {
            shown.add(null);
        }
        List<ProgressChart> charts = new ArrayList<>();
        for (IrdUnit unit : shown) {
            String unitName = unit == null ? "" : Messages.name(unit);
            Function<Visit, AbdominalWall> inUnit = v -> Objects.equals(v.abdominalWall().unit(), unit)
                    ? v.abdominalWall() : AbdominalWall.EMPTY;
            List<ChartSeries> series = List.of(
                    decimalSeries(visits, "above", Messages.get("progress.series.above"),
                            v -> inUnit.apply(v).aboveUmbilicus(), unitName),
                    decimalSeries(visits, "at", Messages.get("progress.series.at"),
                            v -> inUnit.apply(v).atUmbilicus(), unitName),
                    decimalSeries(visits, "below", Messages.get("progress.series.below"),
                            v -> inUnit.apply(v).belowUmbilicus(), unitName));
            double top = series.stream().mapToDouble(ProgressCharts::max).max().orElse(0);
            double floor = unit == IrdUnit.MM ? 40 : 4;
            String title = unit == null && !units.isEmpty() ? Messages.get("progress.chart.irdNoUnit")
                    : unit == null ? Messages.get("progress.chart.ird")
                    : Messages.format("progress.chart.irdUnit", unitName);
            charts.add(new ProgressChart(irdId(unit), title, unitName, 0, Math.max(floor, ChartScale.niceCeiling(top)),
                    series, List.of(), marks));
        }
        return charts;
    }

    private static boolean hasDistance(AbdominalWall wall) {
        return wall.aboveUmbilicus() != null || wall.atUmbilicus() != null || wall.belowUmbilicus() != null;
    }
}
