package app.rebound.domain.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;

/**
 * Plausible visits for a made-up patient getting better: pelvic floor power, endurance and
 * strength rising, pain, leaking and the inter-rectus distance falling, load tests passed one
 * by one, with some noise and some measures not taken at some visits. For demonstrations,
 * benchmarks and tests; every value is within the record format's ranges.
 */
public final class Progression {

    private static final String[] ACTIVITIES = {"Running 5 km", "Lifting my toddler", "Jumping with the kids",
        "Stairs with the buggy", "Netball", "Hiking"};

    private final Random random;

    public Progression(Random random) {
        this.random = random;
    }

    /**
     * {@code count} visits two to four weeks apart from {@code first}, the first an initial
     * assessment; all complete except, when {@code lastDraft}, the last.
     */
    public List<Visit> visits(UUID patientId, LocalDate first, int count, String clinician, boolean lastDraft) {
        List<Visit> visits = new ArrayList<>(count);
        LocalDate date = first;
        boolean fingerWidths = random.nextInt(4) == 0;
        for (int i = 0; i < count; i++) {
            double p = count == 1 ? 0.3 : (double) i / (count - 1);
            p = clamp(p + (random.nextDouble() - 0.5) * 0.12, 0, 1);
            boolean draft = lastDraft && i == count - 1;
            visits.add(visit(patientId, date, i == 0, p, clinician, draft, fingerWidths && i < 2));
            date = date.plusDays(14 + random.nextInt(15));
        }
        return visits;
    }

    private Visit visit(UUID patientId, LocalDate date, boolean initial, double p, String clinician, boolean draft,
            boolean fingerWidths) {
        History history = initial ? new History(random.nextBoolean(), new BigDecimal(5 + random.nextInt(4)),
                null, null, null, null, null, null) : History.EMPTY;
        Symptoms symptoms = new Symptoms(p < 0.55 + noise(0.2), false, p < 0.3, p < 0.25 + noise(0.1), null, false,
                p < 0.4, p < 0.35, (int) Math.round(clamp(6.5 * (1 - p) + noise(1.2), 0, 10)),
                p < 0.45 ? null : (int) Math.round(clamp(2 + 38 * (p - 0.45) + noise(3), 0, 600)));
        boolean examined = random.nextInt(8) != 0;
        PelvicFloorExam floor = examined ? new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL,
                round(1 + 3.6 * p + noise(0.5), 0, 5), round(2 + 8 * p + noise(1), 0, 10),
                round(2 + 8 * p + noise(1), 0, 10), round(3 + 7 * p + noise(1), 0, 10), p > 0.2, p < 0.2,
                p > 0.3, p < 0.1 ? Relaxation.PARTIAL : Relaxation.COMPLETE, Tone.NORMAL, null, null)
                : PelvicFloorExam.EMPTY;
        AbdominalWall wall = abdominal(p, fingerWidths);
        Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
        if (p > 0.15) {
            for (StrengthTest test : StrengthTest.values()) {
                strength.put(test, Sides.of(round(4 + 22 * p + noise(3), 0, 200), round(3 + 22 * p + noise(3), 0, 200)));
            }
        }
        Map<LoadTest, LoadEntry> load = new EnumMap<>(LoadTest.class);
        if (p > 0.3) {
            int index = 0;
            for (LoadTest test : LoadTest.values()) {
                double chance = clamp((p - 0.3) * 1.6 - index * 0.06, 0, 1);
                if (test.oneSided()) {
                    load.put(test, new LoadEntry.PerSide(Sides.of(result(chance), result(chance))));
                } else {
                    load.put(test, new LoadEntry.Whole(result(chance)));
                }
                index++;
            }
        }
        List<PsfsItem> psfs = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            psfs.add(new PsfsItem(ACTIVITIES[a * 2 + (int) (Math.abs(date.toEpochDay()) % 2)],
                    round(1 + 8 * p + noise(1.2), 0, 10)));
        }
        Outcomes outcomes = new Outcomes(psfs, round(13 * (1 - p) + noise(1.5), 0, 21),
                initial ? null : round(4 - 3 * p + noise(0.6), 1, 7));
        Set<RedFlag> redFlags = Set.of();
        return new Visit(UUID.randomUUID(), patientId, Instant.EPOCH, date,
                draft ? VisitStatus.DRAFT : VisitStatus.COMPLETE, clinician,
                initial ? VisitKind.INITIAL : VisitKind.FOLLOW_UP, history, symptoms, redFlags, floor, wall, strength,
                load, outcomes, null, null, null);
    }

    private AbdominalWall abdominal(double p, boolean fingerWidths) {
        if (random.nextInt(6) == 0) {
            return AbdominalWall.EMPTY;
        }
        if (fingerWidths) {
            return new AbdominalWall(AbdominalMethod.PALPATION, IrdUnit.FINGER_WIDTHS, half(3 - 1.5 * p),
                    half(3.5 - 2 * p), half(2 - p), p < 0.4, p < 0.5 ? LineaAlba.SOFT : LineaAlba.FIRM);
        }
        return new AbdominalWall(AbdominalMethod.CALIPER, IrdUnit.CM, tenth(2.6 - 1.2 * p + noise(0.2)),
                tenth(3.1 - 1.5 * p + noise(0.2)), tenth(1.6 - 0.7 * p + noise(0.15)), p < 0.4,
                p < 0.5 ? LineaAlba.SOFT : LineaAlba.FIRM);
    }

    private LoadResult result(double chance) {
        if (random.nextDouble() < chance) {
            return LoadResult.of(TestStatus.PASS);
        }
        return random.nextBoolean() ? LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE)
                : LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS);
    }

    private double noise(double size) {
        return random.nextGaussian() * size / 2;
    }

    private static int round(double value, int min, int max) {
        return (int) Math.round(clamp(value, min, max));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static BigDecimal half(double value) {
        return BigDecimal.valueOf(Math.round(clamp(value, 0, 20) * 2) / 2.0);
    }

    private static BigDecimal tenth(double value) {
        return BigDecimal.valueOf(Math.round(clamp(value, 0, 20) * 10) / 10.0);
    }
}
