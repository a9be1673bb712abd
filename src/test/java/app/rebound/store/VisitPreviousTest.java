package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** The visit before a visit, read alone, is the one the readiness rules would pick among all her visits. */
class VisitPreviousTest {

    @TempDir
    Path folder;

    private Database database;
    private VisitStore store;
    private Patient anna;
    private Patient other;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        store = new VisitStore(database);
        anna = patient("Anna", "Smith").build();
        other = patient("Bea", "Jones").build();
        new PatientStore(database).save(anna);
        new PatientStore(database).save(other);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void matchesTheRulesAmongManyVisitsWithSharedDates() {
        Random random = new Random(5);
        List<Visit> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // few distinct dates, so that many visits share a day and the id decides
            Visit v = VisitFixture.withId(VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 1, 1 + random.nextInt(6))),
                    UUID.randomUUID());
            store.save(v, SuggestedStage.CONNECT);
            all.add(v);
        }
        store.save(VisitFixture.nearlyEmpty(other.id(), LocalDate.of(2026, 1, 3)), SuggestedStage.CONNECT);
        for (Visit v : all) {
            Visit expected = ReadinessRules.previousOf(v, all);
            assertThat(store.previous(v).map(Visit::id).orElse(null))
                    .isEqualTo(expected == null ? null : expected.id());
        }
    }

    @Test
    void theFirstVisitHasNoneAndANewDraftSeesTheLatest() {
        Visit first = VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 2, 1));
        store.save(first, SuggestedStage.CONNECT);
        assertThat(store.previous(first)).isEmpty();
        Visit draft = VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 3, 1));
        assertThat(store.previous(draft).map(Visit::id)).contains(first.id());
    }
}
