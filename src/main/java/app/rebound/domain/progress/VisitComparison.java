package app.rebound.domain.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import app.rebound.domain.Decimals;
import app.rebound.domain.Messages;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.progress.ComparisonRow.Trend;

/** Two visits side by side, the earlier first, with the change in every measure. */
public final class VisitComparison {

    /** Changes that matter clinically (clinical reference §5; one MOS grade is a real change in strength). */
    public static final BigDecimal PSFS_IMPORTANT = BigDecimal.valueOf(2);
    public static final int PAIN_IMPORTANT = 2;
    public static final int POWER_IMPORTANT = 1;

    private final List<ComparisonRow> rows = new ArrayList<>();

    private VisitComparison() {
    }

    /**
     * Compares two visits; they are put in date order first, so a change is always later minus earlier.
     * {@code stageA} and {@code stageB} are the stages issued at {@code a} and {@code b}.
     */
    public static List<ComparisonRow> compare(Visit a, String stageA, Visit b, String stageB) {
        boolean swap = ReadinessRules.ORDER.compare(a, b) > 0;
        Visit before = swap ? b : a;
        Visit after = swap ? a : b;
        VisitComparison c = new VisitComparison();
        c.text(Messages.get("progress.section.readiness"), Messages.get("progress.row.stage"),
                swap ? stageB : stageA, swap ? stageA : stageB);
        c.pelvicFloor(before, after);
        c.strength(before, after);
        c.load(before, after);
        c.abdominal(before, after);
        c.symptoms(before, after);
        c.outcomes(before, after);
        return List.copyOf(c.rows);
    }

    private void pelvicFloor(Visit before, Visit after) {
        String section = Messages.get("progress.section.pelvicFloor");
        integer(section, Messages.get("progress.series.power"), before.pelvicFloor().power(),
                after.pelvicFloor().power(), "", true, POWER_IMPORTANT);
        integer(section, Messages.get("progress.series.endurance"), before.pelvicFloor().enduranceSeconds(),
                after.pelvicFloor().enduranceSeconds(), "s", true, 0);
        integer(section, Messages.get("progress.series.repetitions"), before.pelvicFloor().repetitions(),
                after.pelvicFloor().repetitions(), "", true, 0);
        integer(section, Messages.get("progress.series.fast"), before.pelvicFloor().fastContractions(),
                after.pelvicFloor().fastContractions(), "", true, 0);
        text(section, Messages.get("progress.row.relaxation"), name(before.pelvicFloor().relaxation()),
                name(after.pelvicFloor().relaxation()));
        text(section, Messages.get("progress.row.tone"), name(before.pelvicFloor().tone()),
                name(after.pelvicFloor().tone()));
    }

    private void strength(Visit before, Visit after) {
        String section = Messages.get("progress.section.strength");
        for (StrengthTest test : StrengthTest.values()) {
            for (boolean left : new boolean[] {true, false}) {
                Function<Sides<Integer>, Integer> side = left ? Sides::left : Sides::right;
                Integer was = side.apply(before.strength(test));
                Integer now = side.apply(after.strength(test));
                String measure = Messages.name(test) + " " + Messages.get(left ? "side.L" : "side.R");
                boolean reached = now != null && now >= StrengthTest.TARGET_REPETITIONS
                        && (was == null || was < StrengthTest.TARGET_REPETITIONS);
                if (reached) {
                    String change = was == null ? Messages.get("progress.change.reachedTarget")
                            : Messages.format("progress.change.deltaReachedTarget", signed(BigDecimal.valueOf(now - was)));
                    rows.add(new ComparisonRow(section, measure, value(was, "reps"), value(now, "reps"), change,
                            Trend.BETTER, true));
                } else {
                    integer(section, measure, was, now, "reps", true, 0);
                }
            }
        }
    }

    private void load(Visit before, Visit after) {
        String section = Messages.get("progress.section.load");
        Set<LoadTest> passedBefore = ProgressCharts.passedTests(before);
        Set<LoadTest> passedAfter = ProgressCharts.passedTests(after);
        int total = LoadTest.values().length;
        Integer countBefore = before.loadImpact().isEmpty() ? null : passedBefore.size();
        Integer countAfter = after.loadImpact().isEmpty() ? null : passedAfter.size();
        String beforeText = countBefore == null ? "" : Messages.format("progress.load.count", countBefore, total);
        String afterText = countAfter == null ? "" : Messages.format("progress.load.count", countAfter, total);
        if (countBefore != null && countAfter != null) {
            int delta = countAfter - countBefore;
            rows.add(new ComparisonRow(section, Messages.get("progress.row.loadPassed"), beforeText, afterText,
                    signed(BigDecimal.valueOf(delta)), trend(delta, true), false));
        } else {
            rows.add(new ComparisonRow(section, Messages.get("progress.row.loadPassed"), beforeText, afterText, "",
                    Trend.NONE, false));
        }
        for (LoadTest test : LoadTest.values()) {
            String was = status(before, test);
            String now = status(after, test);
            boolean newly = passedAfter.contains(test) && !passedBefore.contains(test);
            boolean lost = passedBefore.contains(test) && !passedAfter.contains(test) && !now.isEmpty();
            String change = newly ? Messages.get("progress.change.newlyPassed")
                    : lost ? Messages.get("progress.change.noLongerPassed") : "";
            rows.add(new ComparisonRow(section, Messages.name(test), was, now, change,
                    newly ? Trend.BETTER : lost ? Trend.WORSE : Trend.NONE, newly));
        }
    }

    private static String status(Visit visit, LoadTest test) {
        LoadEntry entry = visit.loadImpact().get(test);
        if (entry instanceof LoadEntry.Whole whole && whole.result() != null) {
            return name(whole.result().status());
        }
        if (entry instanceof LoadEntry.PerSide per) {
            List<String> parts = new ArrayList<>();
            add(parts, "side.L", per.sides().left());
            add(parts, "side.R", per.sides().right());
            return String.join(", ", parts);
        }
        return "";
    }

    private static void add(List<String> parts, String side, LoadResult result) {
        if (result != null) {
            parts.add(Messages.get(side) + " " + name(result.status()).toLowerCase(Locale.ROOT));
        }
    }

    private void abdominal(Visit before, Visit after) {
        String section = Messages.get("progress.section.abdominal");
        AbdominalWall was = before.abdominalWall();
        AbdominalWall now = after.abdominalWall();
        boolean sameUnit = Objects.equals(was.unit(), now.unit());
        String wasUnit = was.unit() == null ? "" : Messages.name(was.unit());
        String nowUnit = now.unit() == null ? "" : Messages.name(now.unit());
        List<Function<AbdominalWall, BigDecimal>> sites = List.of(AbdominalWall::aboveUmbilicus,
                AbdominalWall::atUmbilicus, AbdominalWall::belowUmbilicus);
        List<String> names = List.of(Messages.get("progress.row.irdAbove"), Messages.get("progress.row.irdAt"),
                Messages.get("progress.row.irdBelow"));
        for (int i = 0; i < sites.size(); i++) {
            BigDecimal a = sites.get(i).apply(was);
            BigDecimal b = sites.get(i).apply(now);
            String measure = names.get(i);
            String beforeText = a == null ? "" : ProgressCharts.withUnit(Decimals.shortest(a).toPlainString(), wasUnit);
            String afterText = b == null ? "" : ProgressCharts.withUnit(Decimals.shortest(b).toPlainString(), nowUnit);
            if (a != null && b != null && !sameUnit) {
                rows.add(new ComparisonRow(section, measure, beforeText, afterText,
                        Messages.get("progress.change.otherUnit"), Trend.NONE, false));
            } else if (a != null && b != null) {
                BigDecimal delta = b.subtract(a);
                rows.add(new ComparisonRow(section, measure, beforeText, afterText,
                        ProgressCharts.withUnit(signed(delta), delta.signum() == 0 ? "" : nowUnit),
                        trend(delta.signum(), false), false));
            } else {
                rows.add(new ComparisonRow(section, measure, beforeText, afterText, "", Trend.NONE, false));
            }
        }
    }

    /**
     * Each symptom asked at both visits or either, as Yes or No: leaking that stopped is "Resolved"
     * (better), one that started is "New" (worse).
     */
    private void symptoms(Visit before, Visit after) {
        String section = Messages.get("progress.section.outcomes");
        List<Boolean> was = flags(before.symptoms());
        List<Boolean> now = flags(after.symptoms());
        for (int i = 0; i < was.size(); i++) {
            Boolean a = was.get(i);
            Boolean b = now.get(i);
            String change = "";
            Trend trend = Trend.NONE;
            if (a != null && b != null) {
                if (a && !b) {
                    change = Messages.get("progress.change.resolved");
                    trend = Trend.BETTER;
                } else if (!a && b) {
                    change = Messages.get("progress.change.appeared");
                    trend = Trend.WORSE;
                } else {
                    trend = Trend.SAME;
                }
            }
            rows.add(new ComparisonRow(section, Messages.get("symptom." + i), yesNo(a), yesNo(b), change, trend,
                    trend == Trend.WORSE || trend == Trend.BETTER));
        }
    }

    /** The eight symptoms in the order of their names (symptom.0 to symptom.7). */
    private static List<Boolean> flags(Symptoms s) {
        return Arrays.asList(s.urinaryIncontinence(), s.faecalIncontinence(), s.urgency(),
                s.heavinessOrBulge(), s.dyspareunia(), s.obstructedDefecation(), s.abdominalSeparation(),
                s.lumbopelvicPain());
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : Messages.get(value ? "value.yes" : "value.no");
    }

    private void outcomes(Visit before, Visit after) {
        String section = Messages.get("progress.section.outcomes");
        integer(section, Messages.get("progress.series.pain"), before.symptoms().painNrs(), after.symptoms().painNrs(),
                "", false, PAIN_IMPORTANT);
        integer(section, Messages.get("progress.series.runOnset"), before.symptoms().runSymptomOnsetMinutes(),
                after.symptoms().runSymptomOnsetMinutes(), "min", true, 0);
        BigDecimal psfsBefore = before.outcomes().psfsMean().orElse(null);
        BigDecimal psfsAfter = after.outcomes().psfsMean().orElse(null);
        if (psfsBefore != null && psfsAfter != null) {
            BigDecimal delta = psfsAfter.subtract(psfsBefore);
            rows.add(new ComparisonRow(section, Messages.get("progress.series.psfs"), psfsBefore.toPlainString(),
                    psfsAfter.toPlainString(), signed(delta), trend(delta.signum(), true),
                    delta.abs().compareTo(PSFS_IMPORTANT) >= 0));
        } else {
            rows.add(new ComparisonRow(section, Messages.get("progress.series.psfs"),
                    psfsBefore == null ? "" : psfsBefore.toPlainString(),
                    psfsAfter == null ? "" : psfsAfter.toPlainString(), "", Trend.NONE, false));
        }
        integer(section, Messages.get("progress.series.iciq"), before.outcomes().iciqUiSfScore(),
                after.outcomes().iciqUiSfScore(), "", false, 0);
        Integer pgiBefore = before.outcomes().pgiI();
        Integer pgiAfter = after.outcomes().pgiI();
        text(section, Messages.get("progress.row.pgiI"), pgiBefore == null ? "" : pgiBefore.toString(),
                pgiAfter == null ? "" : pgiAfter.toString());
    }

    /** A whole-number measure; {@code important} &gt; 0 marks a change of at least that size. */
    private void integer(String section, String measure, Integer was, Integer now, String unit, boolean higherIsBetter,
            int important) {
        if (was == null || now == null) {
            rows.add(new ComparisonRow(section, measure, value(was, unit), value(now, unit), "", Trend.NONE, false));
            return;
        }
        int delta = now - was;
        rows.add(new ComparisonRow(section, measure, value(was, unit), value(now, unit),
                ProgressCharts.withUnit(signed(BigDecimal.valueOf(delta)), delta == 0 ? "" : unit),
                trend(delta, higherIsBetter), important > 0 && Math.abs(delta) >= important));
    }

    private void text(String section, String measure, String was, String now) {
        String change = was.isEmpty() || now.isEmpty() || was.equals(now) ? "" : Messages.get("progress.change.changed");
        rows.add(new ComparisonRow(section, measure, was, now, change, Trend.NONE, false));
    }

    private static Trend trend(int sign, boolean higherIsBetter) {
        if (sign == 0) {
            return Trend.SAME;
        }
        return (sign > 0) == higherIsBetter ? Trend.BETTER : Trend.WORSE;
    }

    private static String value(Integer value, String unit) {
        return value == null ? "" : ProgressCharts.withUnit(value.toString(), unit);
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : Messages.name(value);
    }

    /** "+2", "−1.5" (a true minus sign), "0". */
    static String signed(BigDecimal delta) {
        BigDecimal d = Decimals.shortest(delta);
        if (d.signum() == 0) {
            return "0";
        }
        return (d.signum() > 0 ? "+" : "\u2212") + d.abs().toPlainString();
    }
}
