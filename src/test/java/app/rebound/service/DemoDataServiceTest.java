package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Birth;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;
import app.rebound.store.PatientStore;
import app.rebound.store.VisitStore;

class DemoDataServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZONE);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    @TempDir
    Path temp;

    /** One patient as read back from the records. */
    private record Stored(Patient patient, List<Visit> visits) {
    }

    @Test
    void writesValidVariedPatientsInChunks() {
        // the chunks as the program writes them, smaller: two whole ones and a part
        int chunk = 150;
        int count = 2 * chunk + 100;
        List<Integer> progress = new ArrayList<>();
        DemoDataService.Added added;
        List<Stored> stored;
        try (Services services = open(temp.resolve("records"))) {
            added = services.demoData().add(count, 42, 5, progress::add, chunk);
            assertThat(services.demoData().storedPatients()).isEqualTo(count);
            stored = readBack(services);
        }

        assertThat(added.patients()).isEqualTo(count);
        assertThat(progress).containsExactly(chunk, 2 * chunk, count);
        assertThat(stored).hasSize(count);
        assertThat(stored.stream().mapToInt(s -> s.visits().size()).sum()).isEqualTo(added.visits());
        assertThat(stored).allSatisfy(s -> assertThat(s.visits().size()).isBetween(1, 60));
        double average = (double) added.visits() / count;
        assertThat(average).isBetween(4.5, 5.5);
        long usual = stored.stream().filter(s -> s.visits().size() >= 3 && s.visits().size() <= 12).count();
        assertThat(usual).isGreaterThan(count / 2);
        assertThat(stored).anySatisfy(s -> assertThat(s.visits().size()).isGreaterThan(30));

        for (Stored s : stored) {
            Patient p = s.patient();
            assertThat(PatientValidator.validate(p, TODAY)).as(p.id().toString()).isEmpty();
            assertThat(p.updated()).isBeforeOrEqualTo(CLOCK.instant());
            assertThat(Period.between(p.dateOfBirth(), TODAY).getYears()).isBetween(22, 45);
            assertThat(p.births()).hasSizeBetween(1, 2);
            LocalDate latestBirth = p.births().get(p.births().size() - 1).date();
            for (int i = 0; i < s.visits().size(); i++) {
                Visit v = s.visits().get(i);
                assertThat(VisitValidator.validate(v, TODAY, p.dateOfBirth())).as(v.id().toString()).isEmpty();
                assertThat(v.date()).isAfter(latestBirth).isBeforeOrEqualTo(TODAY);
                assertThat(v.updated()).isBeforeOrEqualTo(CLOCK.instant());
                if (i < s.visits().size() - 1 || p.archived()) {
                    assertThat(v.status()).isEqualTo(VisitStatus.COMPLETE); // only her latest visit may be a draft
                }
            }
        }
        assertThat(stored).anyMatch(s -> s.patient().archived()).anyMatch(s -> !s.patient().archived());
        assertThat(stored).anyMatch(s -> s.patient().births().size() == 2);
        assertThat(stored).anyMatch(s -> s.patient().phone() != null).anyMatch(s -> s.patient().phone() == null);
        assertThat(stored).anyMatch(s -> s.patient().email() != null).anyMatch(s -> s.patient().goal() != null);
        assertThat(stored).anyMatch(s -> s.visits().get(s.visits().size() - 1).status() == VisitStatus.DRAFT);
        assertThat(stored.stream().flatMap(s -> s.visits().stream())).anyMatch(Visit::anyRedFlag);
        assertThat(scripts(stored)).hasSizeGreaterThan(4).contains(Character.UnicodeScript.LATIN,
                Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.HAN,
                Character.UnicodeScript.HANGUL, Character.UnicodeScript.ARABIC);
    }

    @Test
    void eachVisitIsStoredWithTheSuggestionOfTheRulesAndRedFlagsAreReferred() {
        try (Services services = open(temp.resolve("records"))) {
            services.demoData().add(300, 3, 5, n -> { });
            VisitStore visitStore = new VisitStore(services.database());
            Map<SuggestedStage, Integer> seen = new EnumMap<>(SuggestedStage.class);
            for (Stored s : readBack(services)) {
                Map<UUID, SuggestedStage> suggested = new HashMap<>();
                visitStore.summaries(s.patient().id()).forEach(v -> suggested.put(v.id(), v.suggestedStage()));
                Visit previous = null;
                for (Visit v : s.visits()) {
                    SuggestedStage expected = ReadinessRules.evaluate(v, s.patient().births(), previous)
                            .suggestedStage();
                    assertThat(suggested.get(v.id())).isEqualTo(expected);
                    assertThat(expected == SuggestedStage.REFER).isEqualTo(v.anyRedFlag());
                    seen.merge(expected, 1, Integer::sum);
                    previous = v;
                }
            }
            assertThat(seen).containsKeys(SuggestedStage.REFER, SuggestedStage.BUILD, SuggestedStage.WALK_RUN);
        }
    }

    @Test
    void theSameSeedGivesTheSameRecords() {
        List<String> first = summary(temp.resolve("first"), 7);
        List<String> again = summary(temp.resolve("again"), 7);
        List<String> other = summary(temp.resolve("other"), 8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void addingWithTheSameSeedToRecordsWithPatientsGivesNewIds() {
        try (Services services = open(temp.resolve("records"))) {
            DemoDataService.Added one = services.demoData().add(50, 7, 5, n -> { });
            DemoDataService.Added two = services.demoData().add(50, 7, 5, n -> { });
            List<Stored> stored = readBack(services);

            assertThat(stored).hasSize(100);
            assertThat(stored.stream().mapToInt(s -> s.visits().size()).sum()).isEqualTo(one.visits() + two.visits());
        }
    }

    @Test
    void averageVisitsIsFollowed() {
        try (Services services = open(temp.resolve("records"))) {
            DemoDataService.Added few = services.demoData().add(400, 1, 1.5, n -> { });
            DemoDataService.Added many = services.demoData().add(400, 1, 12, n -> { });

            assertThat((double) few.visits() / 400).isBetween(1.2, 1.8);
            assertThat((double) many.visits() / 400).isBetween(10.5, 13.5);
        }
    }

    private List<String> summary(Path folder, long seed) {
        try (Services services = open(folder)) {
            services.demoData().add(100, seed, 5, n -> { });
            return readBack(services).stream()
                    .sorted(Comparator.comparing((Stored s) -> s.patient().id()))
                    .map(s -> s.patient().id() + " " + s.patient().givenName() + " " + s.patient().familyName() + " "
                            + s.patient().dateOfBirth() + " " + s.patient().births().stream().map(Birth::date).toList()
                            + " " + s.visits().size() + " " + s.visits().stream().map(Visit::date).toList())
                    .toList();
        }
    }

    private static Set<Character.UnicodeScript> scripts(List<Stored> stored) {
        Set<Character.UnicodeScript> scripts = new HashSet<>();
        for (Stored s : stored) {
            (s.patient().givenName() + s.patient().familyName()).codePoints().filter(Character::isLetter)
                    .forEach(cp -> scripts.add(Character.UnicodeScript.of(cp)));
        }
        return scripts;
    }

    private static List<Stored> readBack(Services services) {
        List<Stored> stored = new ArrayList<>();
        for (UUID id : new PatientStore(services.database()).allIds()) {
            List<Visit> visits = services.visits().visitsOf(id).stream().sorted(ReadinessRules.ORDER).toList();
            stored.add(new Stored(services.patients().load(id), visits));
        }
        return stored;
    }

    private static Services open(Path folder) {
        return TestKeys.services(folder, CLOCK, Locale.UK);
    }
}
