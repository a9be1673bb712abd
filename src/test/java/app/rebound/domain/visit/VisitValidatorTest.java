package app.rebound.domain.visit;

import static app.rebound.domain.visit.VisitFixture.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.domain.Violation;

/** The ranges of the record format's VISIT, checked with the record-format path of the field. */
class VisitValidatorTest {

    private static final LocalDate TODAY = VISIT_DATE;
    private static final LocalDate PATIENT_BORN = LocalDate.of(1990, 3, 14);

    private static List<Violation> validate(VisitFixture v) {
        return VisitValidator.validate(v.visit(), TODAY, PATIENT_BORN);
    }

    private static List<String> fields(VisitFixture v) {
        return validate(v).stream().map(Violation::field).toList();
    }

    /** A visit with every section filled in with valid values, at the edges of their ranges. */
    private static VisitFixture full() {
        List<PsfsItem> psfs = new ArrayList<>();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            psfs.add(new PsfsItem("Activity " + i, i * 2 + 2));
        }
        return VisitFixture.ready()
                .with("clinician", "Eve Jones")
                .with("notes", "Fine")
                .with("history.sleepHours", new BigDecimal("6.5"))
                .with("history.bmi", new BigDecimal("23.45"))
                .with("symptoms.painNrs", 10)
                .with("symptoms.runSymptomOnsetMinutes", 600)
                .with("pelvicFloor.power", 5)
                .with("pelvicFloor.enduranceSeconds", 10)
                .with("pelvicFloor.repetitions", 0)
                .with("pelvicFloor.fastContractions", 10)
                .with("pelvicFloor.standingSubmaxHoldSeconds", 120)
                .with("abdominalWall.method", AbdominalMethod.CALIPER)
                .with("abdominalWall.unit", IrdUnit.CM)
                .with("abdominalWall.aboveUmbilicus", new BigDecimal("2.5"))
                .with("abdominalWall.atUmbilicus", new BigDecimal("20"))
                .with("abdominalWall.belowUmbilicus", new BigDecimal("0"))
                .strength(StrengthTest.CALF_RAISE, 0, 200)
                .with("outcomes.psfs", psfs)
                .with("outcomes.iciqUiSfScore", 21)
                .with("outcomes.pgiI", 7);
    }

    @Test
    void aFullValidVisitHasNoViolation() {
        assertThat(validate(full())).isEmpty();
    }

    @Test
    void anEmptyVisitHasNoViolation() {
        assertThat(validate(VisitFixture.empty())).isEmpty();
    }

    @Test
    void mosSevenNamesTheFieldTheRangeAndTheScale() {
        List<Violation> problems = validate(VisitFixture.empty().with("pelvicFloor.power", 7));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("pelvicFloor.power");
            assertThat(p.message()).contains("7").contains("0–5").contains("Modified Oxford Scale");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 6})
    void mosOutsideZeroToFiveIsRefused(int power) {
        assertThat(fields(VisitFixture.empty().with("pelvicFloor.power", power))).containsExactly("pelvicFloor.power");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void mosZeroAndFiveAreAllowed(int power) {
        assertThat(validate(VisitFixture.empty().with("pelvicFloor.power", power))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "pelvicFloor.enduranceSeconds, 11",
        "pelvicFloor.enduranceSeconds, -1",
        "pelvicFloor.repetitions, 11",
        "pelvicFloor.fastContractions, 11",
        "pelvicFloor.standingSubmaxHoldSeconds, 121",
        "symptoms.painNrs, 11",
        "symptoms.runSymptomOnsetMinutes, 601",
        "outcomes.iciqUiSfScore, 22",
        "outcomes.iciqUiSfScore, -1",
        "outcomes.pgiI, 0",
        "outcomes.pgiI, 8",
        "strength.SL_BRIDGE.left, 201",
        "strength.SL_BRIDGE.right, -1",
    })
    void aWholeNumberOutsideItsRangeIsRefusedOnItsField(String path, int value) {
        List<Violation> problems = validate(VisitFixture.empty().with(path, value));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(path);
            assertThat(p.message()).contains(Integer.toString(value));
        });
    }

    @Test
    void enduranceElevenSaysTheRange() {
        List<Violation> problems = validate(VisitFixture.empty().with("pelvicFloor.enduranceSeconds", 11));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("pelvicFloor.enduranceSeconds");
            assertThat(p.message()).contains("0–10");
        });
    }

    @Test
    void aVisitDatedTomorrowIsRefused() {
        assertThat(fields(VisitFixture.empty().date(TODAY.plusDays(1)))).containsExactly("date");
    }

    @Test
    void aVisitDatedTodayIsAllowed() {
        assertThat(validate(VisitFixture.empty().date(TODAY))).isEmpty();
    }

    @Test
    void aVisitBeforeThePatientWasBornIsRefused() {
        assertThat(fields(VisitFixture.empty().date(PATIENT_BORN.minusDays(1)))).containsExactly("date");
    }

    @Test
    void irdInMillimetresAllowsOneHundredAndFifty() {
        VisitFixture v = VisitFixture.empty().with("abdominalWall.unit", IrdUnit.MM)
                .with("abdominalWall.atUmbilicus", new BigDecimal("150"))
                .with("abdominalWall.aboveUmbilicus", new BigDecimal("200"));

        assertThat(validate(v)).isEmpty();
    }

    @Test
    void irdInCentimetresRefusesTwentyOne() {
        VisitFixture v = VisitFixture.empty().with("abdominalWall.unit", IrdUnit.CM)
                .with("abdominalWall.atUmbilicus", new BigDecimal("21"));

        assertThat(fields(v)).containsExactly("abdominalWall.atUmbilicus");
    }

    @Test
    void irdInFingerWidthsRefusesTwentyOne() {
        VisitFixture v = VisitFixture.empty().with("abdominalWall.unit", IrdUnit.FINGER_WIDTHS)
                .with("abdominalWall.belowUmbilicus", new BigDecimal("21"));

        assertThat(fields(v)).containsExactly("abdominalWall.belowUmbilicus");
    }

    @Test
    void irdWithMoreThanTwoDecimalsIsRefused() {
        VisitFixture v = VisitFixture.empty().with("abdominalWall.unit", IrdUnit.CM)
                .with("abdominalWall.aboveUmbilicus", new BigDecimal("2.555"));

        assertThat(fields(v)).containsExactly("abdominalWall.aboveUmbilicus");
    }

    @Test
    void anIrdWithoutItsUnitIsRefused() {
        VisitFixture v = VisitFixture.empty().with("abdominalWall.atUmbilicus", new BigDecimal("2"));

        assertThat(fields(v)).containsExactly("abdominalWall.unit");
    }

    @ParameterizedTest
    @EnumSource(value = LoadTest.class, names = {"SL_BALANCE", "SL_SQUAT", "HOP", "RUNNING_MAN"})
    void aOneSidedLoadTestRecordedAsAWholeIsRefused(LoadTest test) {
        VisitFixture v = VisitFixture.empty()
                .with("loadImpact." + test.name(), new LoadEntry.Whole(LoadResult.of(TestStatus.PASS)));

        assertThat(fields(v)).containsExactly("loadImpact." + test.name());
    }

    @ParameterizedTest
    @EnumSource(value = LoadTest.class, names = {"WALK", "JOG_SPOT", "FWD_BOUNDS"})
    void aWholeLoadTestRecordedPerSideIsRefused(LoadTest test) {
        VisitFixture v = VisitFixture.empty().with("loadImpact." + test.name(),
                new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.PASS), LoadResult.of(TestStatus.PASS))));

        assertThat(fields(v)).containsExactly("loadImpact." + test.name());
    }

    @Test
    void aPassWithSymptomsIsRefusedOnItsSide() {
        VisitFixture whole = VisitFixture.empty()
                .with("loadImpact.WALK", LoadResult.of(TestStatus.PASS, TestSymptom.LEAKAGE));
        assertThat(fields(whole)).containsExactly("loadImpact.WALK");

        VisitFixture sided = VisitFixture.empty()
                .with("loadImpact.HOP.left", LoadResult.of(TestStatus.PASS))
                .with("loadImpact.HOP.right", LoadResult.of(TestStatus.PASS, TestSymptom.PAIN));
        List<Violation> problems = validate(sided);
        assertThat(problems).extracting(Violation::field).containsExactly("loadImpact.HOP.right");
        assertThat(problems.get(0).message()).startsWith("A pass means no symptoms.");

        VisitFixture symptoms = VisitFixture.empty()
                .with("loadImpact.WALK", LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE));
        assertThat(validate(symptoms)).isEmpty();
    }

    @Test
    void allLoadTestsRecordedTheRightWayAreAllowed() {
        assertThat(validate(VisitFixture.empty().allLoad(TestStatus.PASS))).isEmpty();
    }

    @Test
    void sixPsfsActivitiesAreRefused() {
        List<PsfsItem> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new PsfsItem("Activity " + i, 5));
        }

        assertThat(fields(VisitFixture.empty().with("outcomes.psfs", six))).containsExactly("outcomes.psfs");
    }

    @ParameterizedTest
    @ValueSource(ints = {11, -1})
    void aPsfsScoreOutsideZeroToTenIsRefused(int score) {
        VisitFixture v = VisitFixture.empty().with("outcomes.psfs", List.of(new PsfsItem("Running", score)));

        assertThat(validate(v)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("outcomes.psfs[0].score");
            assertThat(p.message()).contains("0–10");
        });
    }

    @Test
    void aPsfsScoreIsCheckedAtItsPlaceInTheList() {
        VisitFixture v = VisitFixture.empty().with("outcomes.psfs",
                List.of(new PsfsItem("Running", 0), new PsfsItem("Lifting", 10), new PsfsItem("Hopping", 11)));

        assertThat(fields(v)).containsExactly("outcomes.psfs[2].score");
    }

    @Test
    void pgiIZeroIsRefused() {
        assertThat(fields(VisitFixture.empty().with("outcomes.pgiI", 0))).containsExactly("outcomes.pgiI");
    }

    @Test
    void iciqTwentyTwoIsRefused() {
        assertThat(fields(VisitFixture.empty().with("outcomes.iciqUiSfScore", 22)))
                .containsExactly("outcomes.iciqUiSfScore");
    }

    @Test
    void everyBrokenRuleIsReported() {
        VisitFixture v = VisitFixture.empty()
                .with("pelvicFloor.power", 7)
                .with("pelvicFloor.enduranceSeconds", 11)
                .with("outcomes.pgiI", 0)
                .with("outcomes.iciqUiSfScore", 22);

        assertThat(fields(v)).containsExactlyInAnyOrder("pelvicFloor.power", "pelvicFloor.enduranceSeconds",
                "outcomes.pgiI", "outcomes.iciqUiSfScore");
    }
}
