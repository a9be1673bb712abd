package app.rebound.domain.progress;

import static app.rebound.domain.visit.VisitFixture.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ComparisonRow.Trend;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

class VisitComparisonTest {

    private static final String MINUS = "\u2212";
    private static final String PAIN = Messages.get("progress.series.pain");
    private static final String POWER = Messages.get("progress.series.power");
    private static final String ENDURANCE = Messages.get("progress.series.endurance");
    private static final String PSFS = Messages.get("progress.series.psfs");
    private static final String ICIQ = Messages.get("progress.series.iciq");
    private static final String RUN = Messages.get("progress.series.runOnset");
    private static final String STAGE = Messages.get("progress.row.stage");
    private static final String IRD_ABOVE = Messages.get("progress.row.irdAbove");
    private static final String IRD_AT = Messages.get("progress.row.irdAt");
    private static final String IRD_BELOW = Messages.get("progress.row.irdBelow");
    private static final String LOAD_SECTION = Messages.get("progress.section.load");
    private static final String TESTS_PASSED = Messages.get("progress.row.loadPassed");

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static String name(Enum<?> value) {
        return Messages.name(value);
    }

    /** The row of one side of a strength test, e.g. "Single leg bridge L". */
    private static String strength(StrengthTest test, String side) {
        return Messages.name(test) + " " + Messages.get("side." + side);
    }

    private static ComparisonRow row(List<ComparisonRow> rows, String measure) {
        List<ComparisonRow> found = rows.stream().filter(r -> r.measure().equals(measure)).toList();
        assertThat(found).as("rows named " + measure + " in " + rows.stream().map(ComparisonRow::measure).toList())
                .hasSize(1);
        return found.get(0);
    }

    private static ComparisonRow row(List<ComparisonRow> rows, String section, String measure) {
        List<ComparisonRow> found = rows.stream()
                .filter(r -> r.section().equals(section) && r.measure().equals(measure)).toList();
        assertThat(found).as("rows named " + measure + " in " + section).hasSize(1);
        return found.get(0);
    }

    private static List<ComparisonRow> compare(Visit a, Visit b) {
        return VisitComparison.compare(a, "A", b, "B");
    }

    // ---- order -------------------------------------------------------------------------------------

    @Test
    void changesAreLaterMinusEarlierWhicheverOrderTheVisitsAreGiven() {
        Visit earlier = day(0).pain(6).power(2).runOnset(5).visit();
        Visit later = day(28).pain(3).power(4).runOnset(20).visit();

        List<ComparisonRow> forwards = VisitComparison.compare(earlier, "1 Protect", later, "3 Build");
        List<ComparisonRow> backwards = VisitComparison.compare(later, "3 Build", earlier, "1 Protect");

        assertThat(backwards).isEqualTo(forwards);
        ComparisonRow pain = row(backwards, PAIN);
        assertThat(pain.before()).isEqualTo("6");
        assertThat(pain.after()).isEqualTo("3");
        assertThat(pain.change()).isEqualTo(MINUS + "3");
        ComparisonRow power = row(backwards, POWER);
        assertThat(power.before()).isEqualTo("2");
        assertThat(power.after()).isEqualTo("4");
        assertThat(power.change()).isEqualTo("+2");
        ComparisonRow run = row(backwards, RUN);
        assertThat(run.before()).isEqualTo("5 min");
        assertThat(run.after()).isEqualTo("20 min");
        assertThat(run.change()).isEqualTo("+15 min");
        assertThat(run.trend()).isEqualTo(Trend.BETTER);
        ComparisonRow stage = row(backwards, STAGE);
        assertThat(stage.before()).isEqualTo("1 Protect");
        assertThat(stage.after()).isEqualTo("3 Build");
        assertThat(stage.change()).isEqualTo(Messages.get("progress.change.changed"));
        assertThat(stage.important()).isFalse();
    }

    @Test
    void theSameStageIsNotAChange() {
        List<ComparisonRow> rows = VisitComparison.compare(day(0).visit(), "2 Connect", day(7).visit(), "2 Connect");

        assertThat(row(rows, STAGE).change()).isEmpty();
    }

    // ---- pain --------------------------------------------------------------------------------------

    @Test
    void painDownByThreeIsBetterAndImportant() {
        ComparisonRow pain = row(compare(day(0).pain(6).visit(), day(7).pain(3).visit()), PAIN);

        assertThat(pain.trend()).isEqualTo(Trend.BETTER);
        assertThat(pain.important()).isTrue();
        assertThat(pain.change()).isEqualTo(MINUS + "3");
    }

    @Test
    void painDownByOneIsBetterButNotImportant() {
        ComparisonRow pain = row(compare(day(0).pain(6).visit(), day(7).pain(5).visit()), PAIN);

        assertThat(pain.trend()).isEqualTo(Trend.BETTER);
        assertThat(pain.important()).isFalse();
        assertThat(pain.change()).isEqualTo(MINUS + "1");
    }

    @Test
    void painUpByTwoIsWorseAndImportant() {
        ComparisonRow pain = row(compare(day(0).pain(2).visit(), day(7).pain(4).visit()), PAIN);

        assertThat(pain.trend()).isEqualTo(Trend.WORSE);
        assertThat(pain.important()).isTrue();
        assertThat(pain.change()).isEqualTo("+2");
    }

    @Test
    void painUnchangedIsTheSame() {
        ComparisonRow pain = row(compare(day(0).pain(4).visit(), day(7).pain(4).visit()), PAIN);

        assertThat(pain.trend()).isEqualTo(Trend.SAME);
        assertThat(pain.important()).isFalse();
        assertThat(pain.change()).isEqualTo("0");
    }

    // ---- PSFS --------------------------------------------------------------------------------------

    @Test
    void psfsMeanUpByExactlyTwoIsImportant() {
        ComparisonRow psfs = row(compare(day(0).psfs(4, 4).visit(), day(7).psfs(6, 6).visit()), PSFS);

        assertThat(psfs.before()).isEqualTo("4");
        assertThat(psfs.after()).isEqualTo("6");
        assertThat(psfs.change()).isEqualTo("+2");
        assertThat(psfs.trend()).isEqualTo(Trend.BETTER);
        assertThat(psfs.important()).isTrue();
    }

    @Test
    void psfsMeanUpByOneAndAHalfIsNotImportant() {
        ComparisonRow psfs = row(compare(day(0).psfs(4, 4).visit(), day(7).psfs(5, 6).visit()), PSFS);

        assertThat(psfs.after()).isEqualTo("5.5");
        assertThat(psfs.change()).isEqualTo("+1.5");
        assertThat(psfs.trend()).isEqualTo(Trend.BETTER);
        assertThat(psfs.important()).isFalse();
    }

    @Test
    void psfsMeanDownByTwoIsWorseAndImportant() {
        ComparisonRow psfs = row(compare(day(0).psfs(7, 8).visit(), day(7).psfs(5, 6).visit()), PSFS);

        assertThat(psfs.change()).isEqualTo(MINUS + "2");
        assertThat(psfs.trend()).isEqualTo(Trend.WORSE);
        assertThat(psfs.important()).isTrue();
    }

    @Test
    void psfsMeanJustUnderTwoIsNotImportant() {
        // 4 → 5.67 (mean of 5, 6 and 6): 1.67
        ComparisonRow psfs = row(compare(day(0).psfs(4, 4, 4).visit(), day(7).psfs(5, 6, 6).visit()), PSFS);

        assertThat(psfs.change()).isEqualTo("+1.67");
        assertThat(psfs.important()).isFalse();
    }

    // ---- pelvic floor ------------------------------------------------------------------------------

    @Test
    void powerUpOneGradeIsImportant() {
        ComparisonRow power = row(compare(day(0).power(2).visit(), day(7).power(3).visit()), POWER);

        assertThat(power.change()).isEqualTo("+1");
        assertThat(power.trend()).isEqualTo(Trend.BETTER);
        assertThat(power.important()).isTrue();
    }

    @Test
    void powerDownOneGradeIsWorseAndImportant() {
        ComparisonRow power = row(compare(day(0).power(3).visit(), day(7).power(2).visit()), POWER);

        assertThat(power.change()).isEqualTo(MINUS + "1");
        assertThat(power.trend()).isEqualTo(Trend.WORSE);
        assertThat(power.important()).isTrue();
    }

    @Test
    void powerUnchangedIsNotImportant() {
        ComparisonRow power = row(compare(day(0).power(3).visit(), day(7).power(3).visit()), POWER);

        assertThat(power.trend()).isEqualTo(Trend.SAME);
        assertThat(power.important()).isFalse();
    }

    @Test
    void enduranceChangesAreNotFlaggedImportant() {
        ComparisonRow endurance = row(compare(day(0).perfect(null, 2, null, null).visit(),
                day(7).perfect(null, 10, null, null).visit()), ENDURANCE);

        assertThat(endurance.change()).isEqualTo("+8 s");
        assertThat(endurance.trend()).isEqualTo(Trend.BETTER);
        assertThat(endurance.important()).isFalse();
    }

    // ---- load and impact tests ---------------------------------------------------------------------

    @Test
    void aLoadTestNewlyPassedIsImportant() {
        Visit earlier = day(0).load(LoadTest.WALK, TestStatus.SYMPTOMS)
                .load(LoadTest.SL_SQUAT, TestStatus.PASS, TestStatus.SYMPTOMS).visit();
        Visit later = day(14).load(LoadTest.WALK, TestStatus.PASS)
                .load(LoadTest.SL_SQUAT, TestStatus.PASS, TestStatus.PASS).visit();

        List<ComparisonRow> rows = compare(later, earlier);

        ComparisonRow walk = row(rows, name(LoadTest.WALK));
        assertThat(walk.change()).isEqualTo(Messages.get("progress.change.newlyPassed"));
        assertThat(walk.trend()).isEqualTo(Trend.BETTER);
        assertThat(walk.important()).isTrue();
        assertThat(walk.before()).isEqualTo(name(TestStatus.SYMPTOMS));
        assertThat(walk.after()).isEqualTo(name(TestStatus.PASS));

        ComparisonRow squat = row(rows, name(LoadTest.SL_SQUAT));
        assertThat(squat.change()).isEqualTo(Messages.get("progress.change.newlyPassed"));
        assertThat(squat.important()).isTrue();

        ComparisonRow count = row(rows, LOAD_SECTION, TESTS_PASSED);
        assertThat(count.before()).isEqualTo("0 of 7");
        assertThat(count.after()).isEqualTo("2 of 7");
        assertThat(count.change()).isEqualTo("+2");
        assertThat(count.trend()).isEqualTo(Trend.BETTER);
    }

    @Test
    void aOneSidedTestPassedOnOneSideOnlyIsNotNewlyPassed() {
        Visit earlier = day(0).load(LoadTest.HOP, TestStatus.SYMPTOMS, TestStatus.SYMPTOMS).visit();
        Visit later = day(14).load(LoadTest.HOP, TestStatus.PASS, TestStatus.INCOMPLETE).visit();

        ComparisonRow hop = row(compare(earlier, later), name(LoadTest.HOP));

        assertThat(hop.change()).isEmpty();
        assertThat(hop.important()).isFalse();
        assertThat(hop.after()).contains("L").contains("R");
    }

    @Test
    void aLoadTestPassedAtBothVisitsIsNotNewlyPassed() {
        Visit earlier = day(0).load(LoadTest.WALK, TestStatus.PASS).visit();
        Visit later = day(14).load(LoadTest.WALK, TestStatus.PASS).visit();

        ComparisonRow walk = row(compare(earlier, later), name(LoadTest.WALK));

        assertThat(walk.change()).isEmpty();
        assertThat(walk.important()).isFalse();
        assertThat(row(compare(earlier, later), LOAD_SECTION, TESTS_PASSED).trend())
                .isEqualTo(Trend.SAME);
    }

    @Test
    void aLoadTestNoLongerPassedIsWorse() {
        Visit earlier = day(0).load(LoadTest.WALK, TestStatus.PASS).visit();
        Visit later = day(14).load(LoadTest.WALK, TestStatus.SYMPTOMS).visit();

        ComparisonRow walk = row(compare(earlier, later), name(LoadTest.WALK));

        assertThat(walk.change()).isEqualTo(Messages.get("progress.change.noLongerPassed"));
        assertThat(walk.trend()).isEqualTo(Trend.WORSE);
    }

    @Test
    void loadNotTestedAtOneVisitHasNoCountChange() {
        Visit earlier = day(0).visit();
        Visit later = day(14).load(LoadTest.WALK, TestStatus.SYMPTOMS).visit();

        ComparisonRow count = row(compare(earlier, later), LOAD_SECTION, TESTS_PASSED);

        assertThat(count.before()).isEmpty();
        assertThat(count.after()).isEqualTo("0 of 7");
        assertThat(count.change()).isEmpty();
        assertThat(count.trend()).isEqualTo(Trend.NONE);
    }

    // ---- strength ----------------------------------------------------------------------------------

    @Test
    void reachingTheStrengthTargetIsImportant() {
        Visit earlier = day(0).strength(StrengthTest.CALF_RAISE, 18, 12).visit();
        Visit later = day(14).strength(StrengthTest.CALF_RAISE, 20, 16).visit();

        List<ComparisonRow> rows = compare(later, earlier);

        ComparisonRow left = row(rows, strength(StrengthTest.CALF_RAISE, "L"));
        assertThat(left.before()).isEqualTo("18 reps");
        assertThat(left.after()).isEqualTo("20 reps");
        assertThat(left.change()).contains("+2").containsIgnoringCase("target reached");
        assertThat(left.trend()).isEqualTo(Trend.BETTER);
        assertThat(left.important()).isTrue();

        ComparisonRow right = row(rows, strength(StrengthTest.CALF_RAISE, "R"));
        assertThat(right.change()).isEqualTo("+4 reps");
        assertThat(right.trend()).isEqualTo(Trend.BETTER);
        assertThat(right.important()).isFalse();
    }

    @Test
    void theStrengthTargetAlreadyReachedIsNotReachedAgain() {
        Visit earlier = day(0).strength(StrengthTest.SL_BRIDGE, 22, null).visit();
        Visit later = day(14).strength(StrengthTest.SL_BRIDGE, 30, null).visit();

        ComparisonRow left = row(compare(earlier, later), strength(StrengthTest.SL_BRIDGE, "L"));

        assertThat(left.change()).isEqualTo("+8 reps");
        assertThat(left.important()).isFalse();
    }

    @Test
    void theStrengthTargetReachedAtTheFirstTimeItWasTestedIsImportant() {
        Visit earlier = day(0).visit();
        Visit later = day(14).strength(StrengthTest.SL_BRIDGE, 21, null).visit();

        ComparisonRow left = row(compare(earlier, later), strength(StrengthTest.SL_BRIDGE, "L"));

        assertThat(left.before()).isEmpty();
        assertThat(left.change()).isEqualTo(Messages.get("progress.change.reachedTarget"));
        assertThat(left.important()).isTrue();
    }

    @Test
    void strengthBelowTheTargetIsNotImportant() {
        Visit earlier = day(0).strength(StrengthTest.SL_BRIDGE, 5, null).visit();
        Visit later = day(14).strength(StrengthTest.SL_BRIDGE, 19, null).visit();

        ComparisonRow left = row(compare(earlier, later), strength(StrengthTest.SL_BRIDGE, "L"));

        assertThat(left.change()).isEqualTo("+14 reps");
        assertThat(left.important()).isFalse();
    }

    // ---- abdominal wall ----------------------------------------------------------------------------

    @Test
    void oneFingerWidthReadsInTheSingular() {
        Visit earlier = day(0).ird(IrdUnit.FINGER_WIDTHS, "1", "2", "3").visit();
        Visit later = day(14).ird(IrdUnit.FINGER_WIDTHS, "2", "1", "1.5").visit();

        List<ComparisonRow> rows = compare(earlier, later);

        assertThat(row(rows, IRD_ABOVE).before()).isEqualTo("1 finger width");
        assertThat(row(rows, IRD_ABOVE).after()).isEqualTo("2 finger widths");
        assertThat(row(rows, IRD_ABOVE).change()).isEqualTo("+1 finger width");
        assertThat(row(rows, IRD_AT).change()).isEqualTo(MINUS + "1 finger width");
        assertThat(row(rows, IRD_BELOW).before()).isEqualTo("3 finger widths");
        assertThat(row(rows, IRD_BELOW).after()).isEqualTo("1.5 finger widths");
        assertThat(row(rows, IRD_BELOW).change()).isEqualTo(MINUS + "1.5 finger widths");
    }

    // ---- symptoms ----------------------------------------------------------------------------------

    @Test
    void everySymptomIsComparedAsYesOrNo() {
        String[] flags = {"urinaryIncontinence", "faecalIncontinence", "urgency", "heavinessOrBulge", "dyspareunia",
                "obstructedDefecation", "abdominalSeparation", "lumbopelvicPain"};
        for (int i = 0; i < flags.length; i++) {
            String symptom = Messages.get("symptom." + i);
            for (Boolean was : new Boolean[] {true, false, null}) {
                for (Boolean now : new Boolean[] {true, false, null}) {
                    Visit earlier = day(0).symptoms(null).symptom(flags[i], was).visit();
                    Visit later = day(14).symptoms(null).symptom(flags[i], now).visit();
                    ComparisonRow row = row(compare(later, earlier), symptom);
                    String as = flags[i] + " " + was + " → " + now;
                    assertThat(row.before()).as(as).isEqualTo(was == null ? "" : was ? "Yes" : "No");
                    assertThat(row.after()).as(as).isEqualTo(now == null ? "" : now ? "Yes" : "No");
                    if (Boolean.TRUE.equals(was) && Boolean.FALSE.equals(now)) {
                        assertThat(row.change()).as(as).isEqualTo("Resolved");
                        assertThat(row.trend()).as(as).isEqualTo(Trend.BETTER);
                        assertThat(row.important()).as(as).isTrue();
                    } else if (Boolean.FALSE.equals(was) && Boolean.TRUE.equals(now)) {
                        assertThat(row.change()).as(as).isEqualTo("New");
                        assertThat(row.trend()).as(as).isEqualTo(Trend.WORSE);
                    } else {
                        assertThat(row.change()).as(as).isEmpty();
                        assertThat(row.important()).as(as).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void irdInDifferentUnitsIsNotSubtracted() {
        Visit inCm = day(0).ird(IrdUnit.CM, "2.5", "3", null).visit();
        Visit inFingers = day(14).ird(IrdUnit.FINGER_WIDTHS, "2", "1", null).visit();

        List<ComparisonRow> rows = compare(inCm, inFingers);

        ComparisonRow above = row(rows, IRD_ABOVE);
        assertThat(above.before()).isEqualTo("2.5 cm");
        assertThat(above.after()).isEqualTo("2 finger widths");
        assertThat(above.change()).isEqualTo(Messages.get("progress.change.otherUnit")).doesNotContain(MINUS)
                .doesNotContain("0.5");
        assertThat(above.trend()).isEqualTo(Trend.NONE);
        assertThat(above.important()).isFalse();
        ComparisonRow at = row(rows, IRD_AT);
        assertThat(at.change()).isEqualTo(Messages.get("progress.change.otherUnit"));
        assertThat(at.trend()).isEqualTo(Trend.NONE);
    }

    @Test
    void irdInTheSameUnitIsSubtractedAndNarrowerIsBetter() {
        Visit earlier = day(0).ird(IrdUnit.CM, "3", "2.5", "1").visit();
        Visit later = day(14).ird(IrdUnit.CM, "2", "3", "1").visit();

        List<ComparisonRow> rows = compare(later, earlier);

        ComparisonRow above = row(rows, IRD_ABOVE);
        assertThat(above.change()).isEqualTo(MINUS + "1 cm");
        assertThat(above.trend()).isEqualTo(Trend.BETTER);
        ComparisonRow at = row(rows, IRD_AT);
        assertThat(at.change()).isEqualTo("+0.5 cm");
        assertThat(at.trend()).isEqualTo(Trend.WORSE);
        assertThat(row(rows, IRD_BELOW).trend()).isEqualTo(Trend.SAME);
    }

    // ---- missing values ----------------------------------------------------------------------------

    @Test
    void aValueMissingAtEitherVisitHasNoChange() {
        Visit earlier = day(0).pain(6).psfs(3).visit();
        Visit later = day(14).power(3).iciq(5).visit();

        List<ComparisonRow> rows = compare(earlier, later);

        for (String measure : List.of(PAIN, PSFS, POWER, ICIQ,
                IRD_ABOVE, RUN)) {
            ComparisonRow r = row(rows, measure);
            assertThat(r.change()).as(measure).isEmpty();
            assertThat(r.trend()).as(measure).isEqualTo(Trend.NONE);
            assertThat(r.important()).as(measure).isFalse();
        }
        assertThat(row(rows, PAIN).before()).isEqualTo("6");
        assertThat(row(rows, PAIN).after()).isEmpty();
        assertThat(row(rows, POWER).before()).isEmpty();
        assertThat(row(rows, POWER).after()).isEqualTo("3");
    }

    @Test
    void twoEmptyVisitsHaveNoChangesAtAll() {
        List<ComparisonRow> rows = VisitComparison.compare(day(0).visit(), "", day(7).visit(), "");

        assertThat(rows).isNotEmpty();
        for (ComparisonRow r : rows) {
            assertThat(r.change()).as(r.measure()).isEmpty();
            assertThat(r.trend()).as(r.measure()).isEqualTo(Trend.NONE);
            assertThat(r.important()).as(r.measure()).isFalse();
        }
    }

    @Test
    void aZeroRecordedIsAValueNotAGap() {
        Visit earlier = day(0).pain(0).visit();
        Visit later = day(7).pain(3).visit();

        ComparisonRow pain = row(compare(earlier, later), PAIN);

        assertThat(pain.before()).isEqualTo("0");
        assertThat(pain.change()).isEqualTo("+3");
        assertThat(pain.trend()).isEqualTo(Trend.WORSE);
        assertThat(pain.important()).isTrue();
    }

    // ---- the minus sign -----------------------------------------------------------------------------

    @Test
    void decreasesAreWrittenWithATrueMinusSign() {
        Visit earlier = VisitFixture.full(VisitFixture.PATIENT_ID, VisitFixture.START);
        Visit later = day(30).pain(1).power(1).psfs(1).iciq(2).runOnset(3).perfect(1, 1, 1, 1)
                .ird(IrdUnit.CM, "1", "1", "1").strength(StrengthTest.CALF_RAISE, 1, 1).visit();

        List<ComparisonRow> rows = compare(earlier, later);

        List<ComparisonRow> decreases = rows.stream().filter(r -> r.change().startsWith(MINUS)).toList();
        assertThat(decreases).extracting(ComparisonRow::measure).contains(PAIN, PSFS,
                ICIQ, IRD_ABOVE, strength(StrengthTest.CALF_RAISE, "L"));
        for (ComparisonRow r : rows) {
            assertThat(r.change()).as(r.measure()).doesNotContain("-");
        }
        assertThat(VisitComparison.signed(new BigDecimal("-1.50"))).isEqualTo("\u22121.5");
        assertThat(VisitComparison.signed(new BigDecimal("2.0"))).isEqualTo("+2");
        assertThat(VisitComparison.signed(new BigDecimal("0.00"))).isEqualTo("0");
    }

    // ---- sections ----------------------------------------------------------------------------------

    @Test
    void everyMeasureHasOneRowInItsSection() {
        List<ComparisonRow> rows = compare(VisitFixture.full(VisitFixture.PATIENT_ID, VisitFixture.START),
                VisitFixture.nearlyEmpty(VisitFixture.PATIENT_ID, VisitFixture.START.plusDays(7)));

        assertThat(rows.get(0).measure()).isEqualTo(STAGE);
        assertThat(rows).filteredOn(r -> r.section().equals(Messages.get("progress.section.strength")))
                .hasSize(2 * StrengthTest.values().length);
        // the count of tests passed, then one row for each test
        assertThat(rows).filteredOn(r -> r.section().equals(LOAD_SECTION))
                .hasSize(1 + LoadTest.values().length);
        assertThat(rows).filteredOn(r -> r.section().equals(Messages.get("progress.section.abdominal"))).hasSize(3);
        assertThat(rows).extracting(ComparisonRow::section).doesNotContainNull();
    }
}
