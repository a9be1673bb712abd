package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import app.rebound.domain.Birth;
import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;

/**
 * Checks a visit against the ranges of {@link Measures}. Fields are named by their path in the
 * record format ("pelvicFloor.power", "strength.SL_BRIDGE.left"), so the form, the importer and
 * the command line report the same place.
 */
public final class VisitValidator {

    private VisitValidator() {
    }

    public static List<Violation> validate(Visit visit, LocalDate today, LocalDate patientDateOfBirth) {
        List<Violation> problems = new ArrayList<>();
        if (visit.date().isAfter(today)) {
            problems.add(Violation.of("date", "validation.visit.future"));
        } else if (patientDateOfBirth != null && visit.date().isBefore(patientDateOfBirth)) {
            problems.add(Violation.of("date", "validation.visit.beforeBirth"));
        }
        length(problems, "clinician", visit.clinician(), Measures.CLINICIAN_MAX_LENGTH);
        length(problems, "notes", visit.notes(), Measures.NOTES_MAX_LENGTH);

        History h = visit.history();
        decimal(problems, "history.sleepHours", h.sleepHours(), Measures.SLEEP_HOURS);
        decimal(problems, "history.bmi", h.bmi(), Measures.BMI);

        Symptoms s = visit.symptoms();
        integer(problems, "symptoms.painNrs", s.painNrs(), Measures.PAIN_NRS);
        integer(problems, "symptoms.runSymptomOnsetMinutes", s.runSymptomOnsetMinutes(),
                Measures.RUN_SYMPTOM_ONSET_MINUTES);

        PelvicFloorExam f = visit.pelvicFloor();
        integer(problems, "pelvicFloor.power", f.power(), Measures.POWER);
        integer(problems, "pelvicFloor.enduranceSeconds", f.enduranceSeconds(), Measures.ENDURANCE_SECONDS);
        integer(problems, "pelvicFloor.repetitions", f.repetitions(), Measures.REPETITIONS);
        integer(problems, "pelvicFloor.fastContractions", f.fastContractions(), Measures.FAST_CONTRACTIONS);
        integer(problems, "pelvicFloor.standingSubmaxHoldSeconds", f.standingSubmaxHoldSeconds(),
                Measures.STANDING_SUBMAX_HOLD_SECONDS);
        length(problems, "pelvicFloor.notes", f.notes(), Measures.NOTES_MAX_LENGTH);

        AbdominalWall a = visit.abdominalWall();
        DecimalRange ird = Measures.ird(a.unit());
        decimal(problems, "abdominalWall.aboveUmbilicus", a.aboveUmbilicus(), ird);
        decimal(problems, "abdominalWall.atUmbilicus", a.atUmbilicus(), ird);
        decimal(problems, "abdominalWall.belowUmbilicus", a.belowUmbilicus(), ird);
        if (a.unit() == null && (a.aboveUmbilicus() != null || a.atUmbilicus() != null || a.belowUmbilicus() != null)) {
            problems.add(Violation.of("abdominalWall.unit", "validation.ird.unitRequired"));
        }

        visit.strength().forEach((test, sides) -> {
            integer(problems, "strength." + test.name() + ".left", sides.left(), Measures.STRENGTH_REPETITIONS);
            integer(problems, "strength." + test.name() + ".right", sides.right(), Measures.STRENGTH_REPETITIONS);
        });
        visit.loadImpact().forEach((test, entry) -> {
            boolean sided = entry instanceof LoadEntry.PerSide;
            if (sided != test.oneSided()) {
                problems.add(Violation.of("loadImpact." + test.name(),
                        test.oneSided() ? "validation.load.needsSides" : "validation.load.noSides"));
            } else if (entry instanceof LoadEntry.Whole whole) {
                passWithSymptoms(problems, "loadImpact." + test.name(), whole.result());
            } else if (entry instanceof LoadEntry.PerSide per) {
                passWithSymptoms(problems, "loadImpact." + test.name() + ".left", per.sides().left());
                passWithSymptoms(problems, "loadImpact." + test.name() + ".right", per.sides().right());
            }
        });

        Outcomes o = visit.outcomes();
        if (o.psfs().size() > Outcomes.PSFS_MAX_ITEMS) {
            problems.add(Violation.of("outcomes.psfs", "validation.psfs.tooMany", Outcomes.PSFS_MAX_ITEMS));
        }
        for (int i = 0; i < o.psfs().size(); i++) {
            PsfsItem item = o.psfs().get(i);
            String path = "outcomes.psfs[" + i + "]";
            if (item.activity() == null || item.activity().isBlank()) {
                problems.add(Violation.of(path + ".activity", "validation.psfs.activityRequired"));
            } else {
                length(problems, path + ".activity", item.activity(), Measures.PSFS_ACTIVITY_MAX_LENGTH);
            }
            if (item.score() == null) {
                problems.add(Violation.of(path + ".score", "validation.psfs.scoreRequired", Measures.PSFS_SCORE.describe()));
            } else {
                integer(problems, path + ".score", item.score(), Measures.PSFS_SCORE);
            }
        }
        integer(problems, "outcomes.iciqUiSfScore", o.iciqUiSfScore(), Measures.ICIQ_UI_SF);
        integer(problems, "outcomes.pgiI", o.pgiI(), Measures.PGI_I);
        return problems;
    }

    /** A part of the assessment that completing a visit without asks about first. */
    public enum Unrecorded {
        SYMPTOMS("visit.section.symptoms"),
        RED_FLAGS("visit.section.redFlags"),
        PELVIC_FLOOR("visit.section.pelvicFloor");

        private final String sectionKey;

        Unrecorded(String sectionKey) {
            this.sectionKey = sectionKey;
        }

        /** The key of the section's title on the form. */
        public String sectionKey() {
            return sectionKey;
        }
    }

    /**
     * What a visit being completed has not recorded, which she is asked about once before it is completed:
     * no symptom question answered, the red flags not asked, nothing of the pelvic floor examination.
     */
    public static List<Unrecorded> unrecorded(Visit visit) {
        List<Unrecorded> missing = new ArrayList<>();
        if (visit.symptoms().isEmpty()) {
            missing.add(Unrecorded.SYMPTOMS);
        }
        if (visit.redFlags() == null) {
            missing.add(Unrecorded.RED_FLAGS);
        }
        if (visit.pelvicFloor().isEmpty()) {
            missing.add(Unrecorded.PELVIC_FLOOR);
        }
        return missing;
    }

    /**
     * What is odd about the visit's date, but may be right, so it is said and not refused: a date before her
     * first birth, or the day of another of her visits ({@code otherVisitDates}: her other visits' dates).
     */
    public static List<Violation> dateWarnings(Visit visit, List<Birth> births, Collection<LocalDate> otherVisitDates) {
        List<Violation> warnings = new ArrayList<>();
        LocalDate first = births.stream().map(Birth::date).min(Comparator.naturalOrder()).orElse(null);
        if (first != null && visit.date().isBefore(first)) {
            warnings.add(Violation.of("date", "validation.visit.beforeFirstBirth"));
        }
        if (otherVisitDates.contains(visit.date())) {
            warnings.add(Violation.of("date", "validation.visit.sameDay"));
        }
        return warnings;
    }

    private static void passWithSymptoms(List<Violation> problems, String field, LoadResult result) {
        if (result != null && result.passWithSymptoms()) {
            problems.add(Violation.of(field, "validation.load.passWithSymptoms"));
        }
    }

    private static void integer(List<Violation> problems, String field, Integer value, IntRange range) {
        if (value != null && !range.contains(value)) {
            problems.add(Violation.of(field, "validation.outsideRange", value.toString(), range.describeWithScale()));
        }
    }

    private static void decimal(List<Violation> problems, String field, BigDecimal value, DecimalRange range) {
        if (value == null) {
            return;
        }
        if (!range.contains(value)) {
            problems.add(Violation.of(field, "validation.outsideRange", value.toPlainString(), range.describe()));
        } else if (!range.hasAllowedScale(value)) {
            problems.add(Violation.of(field, "validation.decimals", range.maxDecimals()));
        }
    }

    /** Too long: the arguments are the most allowed and how many there are (a form shows both). */
    private static void length(List<Violation> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(Violation.of(field, "validation.tooLong", max, value.codePointCount(0, value.length())));
        }
    }
}
