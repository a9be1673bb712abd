package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitSummary;

/**
 * V11 on a real H2 file: the reason for a stage chosen ahead of the suggestion is kept with the visit,
 * and the suggestion kept for the visit lists follows §8's new rule 4 for visits stored before it.
 */
class StageReasonStoreTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final String REASON = "Ran 40 km a week until 36 weeks; her obstetrician cleared her. Zoë, 李";

    @TempDir
    Path folder;

    @Test
    void theReasonComesBackAfterTheDatabaseIsReopenedAndGoesWhenCleared() {
        Patient anna = patient("Anna", "Smith").build();
        Visit visit = VisitFixture.full(anna.id(), DAY).withUpdated(AT).withStage(Stage.WALK_RUN, REASON);
        try (Database database = TestKeys.database(folder)) {
            new PatientStore(database).save(anna);
            new VisitStore(database).save(visit, SuggestedStage.BUILD);
        }
        try (Database database = TestKeys.database(folder)) {
            VisitStore store = new VisitStore(database);
            assertThat(store.find(visit.id())).contains(visit);
            assertThat(store.find(visit.id()).orElseThrow().stageReason()).isEqualTo(REASON);
            store.save(visit.withStage(Stage.BUILD, null), SuggestedStage.BUILD);
        }
        try (Database database = TestKeys.database(folder)) {
            Visit stored = new VisitStore(database).find(visit.id()).orElseThrow();
            assertThat(stored.stage()).isEqualTo(Stage.BUILD);
            assertThat(stored.stageReason()).isNull();
        }
    }

    @Test
    void aNewerCopyFromARecordFileKeepsTheReasonForTheSameStageOnly() {
        Patient anna = patient("Anna", "Smith").build();
        Visit visit = VisitFixture.full(anna.id(), DAY).withUpdated(AT).withStage(Stage.RUN, REASON);
        try (Database database = TestKeys.database(folder)) {
            new PatientStore(database).save(anna);
            VisitStore visits = new VisitStore(database);
            visits.save(visit, SuggestedStage.BUILD);
            RecordStore records = new RecordStore(database);
            // a record file has no reason: the visit comes with the same stage and none
            Visit fromFile = visit.withStage(Stage.RUN, null).withUpdated(AT.plusSeconds(60));
            records.apply(change(fromFile));
            assertThat(visits.find(visit.id()).orElseThrow().stageReason()).isEqualTo(REASON);
            Visit otherStage = visit.withStage(Stage.WALK_RUN, null).withUpdated(AT.plusSeconds(120));
            records.apply(change(otherStage));
            assertThat(visits.find(visit.id()).orElseThrow().stage()).isEqualTo(Stage.WALK_RUN);
            assertThat(visits.find(visit.id()).orElseThrow().stageReason()).isNull();
        }
    }

    private static RecordStore.Change change(Visit visit) {
        return new RecordStore.Change(List.of(), List.of(new RecordStore.VisitWrite(visit, SuggestedStage.BUILD, null,
                true)), List.of(), Map.of());
    }

    @Test
    void migratingAnOlderDatabaseCapsTheStoredSuggestionOfVisitsWhoseRedFlagsWereNotAsked() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve(Database.FILE_NAME).toAbsolutePath()
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0");
        dataSource.setUser("rebound");
        dataSource.setPassword(new String(TestKeys.KEY.filePassword()) + " ");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").target("10").load().migrate();
        UUID patient = UUID.randomUUID();
        Map<String, Object[]> visits = new LinkedHashMap<>();
        // suggestion stored before V11, red flags asked, and what it must be after
        visits.put("walk-run, not asked", new Object[] {"WALK_RUN", false, SuggestedStage.BUILD});
        visits.put("impact prep, not asked", new Object[] {"IMPACT_PREP", false, SuggestedStage.BUILD});
        visits.put("walk-run, asked", new Object[] {"WALK_RUN", true, SuggestedStage.WALK_RUN});
        visits.put("impact prep, asked", new Object[] {"IMPACT_PREP", true, SuggestedStage.IMPACT_PREP});
        visits.put("connect, not asked", new Object[] {"CONNECT", false, SuggestedStage.CONNECT});
        visits.put("low load, not asked", new Object[] {"LOW_LOAD", false, SuggestedStage.LOW_LOAD});
        visits.put("refer", new Object[] {"REFER", true, SuggestedStage.REFER});
        Map<UUID, SuggestedStage> expected = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, updated, given_name, family_name, sort_key) VALUES ('"
                    + patient + "', TIMESTAMP WITH TIME ZONE '2026-11-02 09:30:00+00', 'A', 'B', 'b a')");
            int day = 1;
            for (Object[] v : visits.values()) {
                UUID id = UUID.randomUUID();
                expected.put(id, (SuggestedStage) v[2]);
                statement.execute("INSERT INTO visit (id, patient_id, updated, visit_date, status, suggested_stage,"
                        + " red_flags_asked) VALUES ('" + id + "', '" + patient + "', TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-02 09:30:00+00', DATE '2026-10-" + String.format("%02d", day++) + "', 'COMPLETE', '"
                        + v[0] + "', " + v[1] + ")");
            }
        }
        try (Database database = TestKeys.database(folder)) {
            List<VisitSummary> summaries = new VisitStore(database).summaries(patient);
            assertThat(summaries).hasSize(visits.size());
            for (VisitSummary summary : summaries) {
                assertThat(summary.suggestedStage()).as(summary.date().toString()).isEqualTo(expected.get(summary.id()));
            }
        }
    }
}
