package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import app.rebound.TestKeys;
import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.domain.visit.VisitValidator;

/**
 * Random valid visits (every measure within its range of {@link Measures}, dates not in the future,
 * one-sided load tests per side, a PASS without symptoms) come back from the store unchanged. One
 * database per property, in a folder of its own.
 */
class VisitStoreProperties {

    private static final int TRIES = 60;
    /** Writes a string as a JSON string, escaping control characters: an extensions object is always valid JSON. */
    private static final ObjectMapper JSON_STRINGS = new ObjectMapper();
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private Path folder;
    private Database database;
    private VisitStore store;
    private Patient patient;

    @BeforeProperty
    void open() throws IOException {
        folder = Files.createTempDirectory("rebound-visit-properties");
        database = TestKeys.database(folder);
        store = new VisitStore(database);
        patient = patient("Zoë", "Ødegård").build();
        new PatientStore(database).save(patient);
    }

    @AfterProperty
    void close() throws IOException {
        if (database != null) {
            database.close();
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Property(tries = TRIES)
    void aValidVisitComesBackUnchanged(@ForAll("visits") Visit visit, @ForAll("suggestions") SuggestedStage suggested) {
        assertThat(VisitValidator.validate(visit, LocalDate.now(), null)).as("the generator makes valid visits")
                .isEmpty();

        store.save(visit, suggested);

        assertThat(store.find(visit.id())).contains(visit);
        assertThat(store.summaries(patient.id())).filteredOn(s -> s.id().equals(visit.id()))
                .containsExactly(new VisitSummary(visit.id(), visit.date(), visit.kind(), visit.status(),
                        visit.stage(), suggested));
    }

    @Property(tries = TRIES)
    void savingAnotherVisitOverAVisitLeavesOnlyTheOther(@ForAll("visits") Visit first, @ForAll("visits") Visit second) {
        Visit replacement = VisitFixture.withId(second, first.id());

        store.save(first, SuggestedStage.BUILD);
        store.save(replacement, SuggestedStage.CONNECT);

        assertThat(store.find(first.id())).contains(replacement);
    }

    @Provide
    Arbitrary<SuggestedStage> suggestions() {
        return Arbitraries.of(SuggestedStage.class).injectNull(0.1);
    }

    @Provide
    Arbitrary<Visit> visits() {
        return visitsOf(patient.id());
    }

    /** Random valid visits of the patient {@code patientId}. */
    static Arbitrary<Visit> visitsOf(UUID patientId) {
        Arbitrary<Header> header = Combinators.combine(uuids(), instants(), dates(),
                Arbitraries.of(VisitStatus.class), text(Measures.CLINICIAN_MAX_LENGTH).injectNull(0.3),
                Arbitraries.of(VisitKind.class).injectNull(0.2)).as(Header::new);
        Arbitrary<Assessment> assessment = Combinators.combine(history(), symptoms(), redFlags(), pelvicFloor(),
                abdominalWall()).as(Assessment::new);
        Arbitrary<Results> results = Combinators.combine(strength(), loadImpact(), outcomes(),
                Arbitraries.of(Stage.class).injectNull(0.3), notes().injectNull(0.3), extensions())
                .as(Results::new);
        return Combinators.combine(header, assessment, results).as((h, a, r) -> new Visit(h.id, patientId,
                h.updated, h.date, h.status, h.clinician, h.kind, a.history, a.symptoms, a.redFlags, a.pelvicFloor,
                a.abdominalWall, r.strength, r.loadImpact, r.outcomes, r.stage, r.notes, r.extensions));
    }

    private record Header(UUID id, Instant updated, LocalDate date, VisitStatus status, String clinician,
            VisitKind kind) {
    }

    private record Assessment(History history, Symptoms symptoms, Set<RedFlag> redFlags, PelvicFloorExam pelvicFloor,
            AbdominalWall abdominalWall) {
    }

    private record Results(Map<StrengthTest, Sides<Integer>> strength, Map<LoadTest, LoadEntry> loadImpact,
            Outcomes outcomes, Stage stage, String notes, String extensions) {
    }

    /** Any 128 bits, so that ids with the top bit set (negative in Java) are among them. */
    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Whole seconds, as the service stamps them. */
    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2099-12-31T23:59:59Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    /** Not in the future. */
    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(EARLIEST.toEpochDay(), LocalDate.now().toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<Boolean> flag() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    private static Arbitrary<Integer> in(IntRange range) {
        return Arbitraries.integers().between(range.min(), range.max()).injectNull(0.3);
    }

    /** A value in the range with at most its decimals, in shortest form (2.5, 3), as the store returns it. */
    private static Arbitrary<BigDecimal> in(DecimalRange range) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(range.maxDecimals());
        long min = range.min().divide(step).longValueExact();
        long max = range.max().divide(step).longValueExact();
        return Arbitraries.longs().between(min, max).map(n -> shortest(BigDecimal.valueOf(n, range.maxDecimals())));
    }

    private static BigDecimal shortest(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static <E extends Enum<E>> Arbitrary<E> any(Class<E> type) {
        return Arbitraries.of(type).injectNull(0.3);
    }

    private static Arbitrary<History> history() {
        return Combinators.combine(flag(), in(Measures.SLEEP_HOURS).injectNull(0.3), in(Measures.BMI).injectNull(0.3),
                flag(), flag(), flag(), flag(), any(SupportDevice.class)).as(History::new);
    }

    private static Arbitrary<Symptoms> symptoms() {
        return Combinators.combine(flag().list().ofSize(8), in(Measures.PAIN_NRS),
                in(Measures.RUN_SYMPTOM_ONSET_MINUTES)).as((f, pain, onset) -> new Symptoms(f.get(0), f.get(1),
                        f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7), pain, onset));
    }

    /** Null (not asked), empty (none) or some flags. */
    private static Arbitrary<Set<RedFlag>> redFlags() {
        return Arbitraries.of(RedFlag.class).set().injectNull(0.3);
    }

    private static Arbitrary<PelvicFloorExam> pelvicFloor() {
        Arbitrary<List<Integer>> numbers = Combinators.combine(in(Measures.POWER), in(Measures.ENDURANCE_SECONDS),
                in(Measures.REPETITIONS), in(Measures.FAST_CONTRACTIONS), in(Measures.STANDING_SUBMAX_HOLD_SECONDS))
                .as((a, b, c, d, e) -> {
                    List<Integer> list = new ArrayList<>();
                    Stream.of(a, b, c, d, e).forEach(list::add);
                    return list;
                });
        return Combinators.combine(any(ExamMethod.class), numbers, flag().list().ofSize(3), any(Relaxation.class),
                any(Tone.class), notes().injectNull(0.4)).as((method, n, f, relaxation, tone, notes) ->
                        new PelvicFloorExam(method, n.get(0), n.get(1), n.get(2), n.get(3), f.get(0), f.get(1),
                                f.get(2), relaxation, tone, n.get(4), notes));
    }

    /** Distances only with a unit (the validator wants one), each in that unit's range. */
    private static Arbitrary<AbdominalWall> abdominalWall() {
        return any(IrdUnit.class).flatMap(unit -> {
            Arbitrary<BigDecimal> distance = unit == null ? Arbitraries.just(null)
                    : in(Measures.ird(unit)).injectNull(0.3);
            return Combinators.combine(any(AbdominalMethod.class), distance, distance, distance, flag(),
                    any(LineaAlba.class)).as((method, above, at, below, doming, linea) ->
                            new AbdominalWall(method, unit, above, at, below, doming, linea));
        });
    }

    private static Arbitrary<Map<StrengthTest, Sides<Integer>>> strength() {
        Arbitrary<Sides<Integer>> sides = Combinators.combine(in(Measures.STRENGTH_REPETITIONS),
                in(Measures.STRENGTH_REPETITIONS)).as(Sides::new);
        return Arbitraries.maps(Arbitraries.of(StrengthTest.class), sides).ofMaxSize(StrengthTest.values().length)
                .map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
    }

    /** PASS has no symptoms (nor has NOT_TESTED); SYMPTOMS and INCOMPLETE any set of them. */
    private static Arbitrary<LoadResult> loadResult() {
        return Arbitraries.of(TestStatus.class).flatMap(status -> {
            if (status == TestStatus.PASS || status == TestStatus.NOT_TESTED) {
                return Arbitraries.just(new LoadResult(status, Set.of()));
            }
            return Arbitraries.of(TestSymptom.class).set().map(symptoms -> new LoadResult(status, symptoms));
        });
    }

    /** One-sided tests per side with at least one side recorded; the others whole. */
    private static Arbitrary<LoadEntry> loadEntry(LoadTest test) {
        if (!test.oneSided()) {
            return loadResult().map(LoadEntry.Whole::new);
        }
        return Combinators.combine(loadResult().injectNull(0.25), loadResult().injectNull(0.25))
                .filter((left, right) -> left != null || right != null)
                .as((left, right) -> new LoadEntry.PerSide(Sides.of(left, right)));
    }

    private static Arbitrary<Map<LoadTest, LoadEntry>> loadImpact() {
        List<Arbitrary<Map.Entry<LoadTest, LoadEntry>>> perTest = new ArrayList<>();
        for (LoadTest test : LoadTest.values()) {
            perTest.add(loadEntry(test).map(e -> Map.entry(test, e)).injectNull(0.4));
        }
        return Combinators.combine(perTest).as(entries -> {
            Map<LoadTest, LoadEntry> map = new EnumMap<>(LoadTest.class);
            for (Map.Entry<LoadTest, LoadEntry> e : entries) {
                if (e != null) {
                    map.put(e.getKey(), e.getValue());
                }
            }
            return map;
        });
    }

    private static Arbitrary<Outcomes> outcomes() {
        Arbitrary<PsfsItem> item = Combinators.combine(
                text(Measures.PSFS_ACTIVITY_MAX_LENGTH).filter(s -> !s.isBlank()),
                Arbitraries.integers().between(Measures.PSFS_SCORE.min(), Measures.PSFS_SCORE.max()))
                .as(PsfsItem::new);
        return Combinators.combine(item.list().ofMaxSize(Outcomes.PSFS_MAX_ITEMS), in(Measures.ICIQ_UI_SF),
                in(Measures.PGI_I)).as(Outcomes::new);
    }

    /** Any Unicode scalar value: ASCII, Latin, CJK, combining marks, emoji, controls. */
    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0x36F)),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)
                        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)));
    }

    private static Arbitrary<String> text(int maxCodePoints) {
        return codePoints().list().ofMinSize(1).ofMaxSize(Math.min(maxCodePoints, 60))
                .map(VisitStoreProperties::string);
    }

    /** Mostly short notes, sometimes the longest allowed, all outside the basic plane. */
    private static Arbitrary<String> notes() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, codePoints().list().ofMaxSize(300).map(VisitStoreProperties::string)),
                Tuple.of(1, codePoints().filter(Character::isSupplementaryCodePoint)
                        .map(cp -> Character.toString(cp).repeat(Measures.NOTES_MAX_LENGTH))));
    }

    private static Arbitrary<String> extensions() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(3, codePoints().list().ofMaxSize(500).map(VisitStoreProperties::string)
                        .map(s -> "{\"x\": " + JSON_STRINGS.valueToTree(s).toString() + "}")));
    }

    private static String string(List<Integer> codePoints) {
        StringBuilder out = new StringBuilder(codePoints.size() * 2);
        codePoints.forEach(out::appendCodePoint);
        return out.toString();
    }
}
