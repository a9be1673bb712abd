package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.AuditAction;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** Erasing an archived patient leaves no row of hers in any table; the trail keeps only that it happened. */
class PatientEraseTest {

    @TempDir
    Path folder;

    @Test
    void erasingAnArchivedPatientRemovesEveryRowOfHersAndTheTrailKeepsOnlyTheErase() throws Exception {
        UUID zoeId;
        List<UUID> visitIds;
        UUID liId;
        int liVisits;
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            Patient zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 4, 7);
            Patient li = VisitFixture.seed(services, "小龙", "李", 2, 11);
            zoeId = zoe.id();
            liId = li.id();
            for (Patient p : List.of(zoe, li)) {
                Visit last = services.visits().visitsOf(p.id()).stream()
                        .max(ReadinessRules.ORDER).orElseThrow();
                services.programmes().save(last.id(), services.programmes().open(last.id()).programme());
                services.progress().saveSummary(p.id(), "summary of " + p.givenName());
            }
            visitIds = services.visits().visitsOf(zoeId).stream().map(Visit::id).toList();
            liVisits = services.visits().visitsOf(liId).size();
            DSLContext dsl = services.database().dsl();
            List<String> before = rowsMentioning(dsl, zoeId, visitIds);
            assertThat(before).as("the check sees her rows before the erase")
                    .anyMatch(r -> r.startsWith("PATIENT.")).anyMatch(r -> r.startsWith("VISIT."))
                    .anyMatch(r -> r.startsWith("PROGRAMME.")).anyMatch(r -> r.startsWith("PROGRESS_SUMMARY."))
                    .anyMatch(r -> r.startsWith("PATIENT_NAME_WORD.")).anyMatch(r -> r.startsWith("BIRTH."));

            assertThatThrownBy(() -> services.patients().erase(zoeId)).as("only an archived patient")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(rowsMentioning(dsl, zoeId, visitIds)).isEqualTo(before);

            services.patients().archive(zoeId);
            services.patients().erase(zoeId);

            assertThat(rowsMentioning(dsl, zoeId, visitIds)).isEmpty();
            List<AuditEvent> trail = services.audit().newestFirst(zoeId, 0, 1000);
            assertThat(trail.get(0).action()).isEqualTo(AuditAction.ERASE);
            assertThat(trail).allSatisfy(event -> assertThat(String.valueOf(event.detail()))
                    .doesNotContain("Zoë").doesNotContain("Ødegård").doesNotContain("1991"));
            assertThat(services.audit().verify().intact()).isTrue();
            // the other patient is untouched
            assertThat(services.patients().load(liId).familyName()).isEqualTo("李");
            assertThat(services.visits().visitsOf(liId)).hasSize(liVisits);
            assertThat(services.progress().load(liId).summary()).isEqualTo("summary of 小龙");
            assertThatThrownBy(() -> services.patients().load(zoeId)).isInstanceOf(RuntimeException.class);
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(f -> f.getFileName().toString())).as("no compaction's copy left")
                    .noneMatch(name -> name.startsWith(".rebound-compacting"));
        }
        // after the close (SHUTDOWN COMPACT) the records open again, without her
        try (Services services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK)) {
            assertThat(rowsMentioning(services.database().dsl(), zoeId, visitIds)).isEmpty();
            assertThat(services.patients().search("", true).patients()).hasSize(1);
            assertThat(services.audit().verify().intact()).isTrue();
        }
    }

    /**
     * Every row of every table (but the audit trail) with a UUID column holding her id or one of her visits'
     * ids, or any text column mentioning them, as "TABLE.COLUMN".
     */
    private static List<String> rowsMentioning(DSLContext dsl, UUID patient, List<UUID> visits) {
        List<UUID> ids = new ArrayList<>(visits);
        ids.add(patient);
        List<String> found = new ArrayList<>();
        for (Record column : dsl.fetch("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'PUBLIC' AND table_name NOT IN ('AUDIT_EVENT', 'flyway_schema_history')")) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            String type = column.get(2, String.class);
            String sql;
            if (type.equals("UUID")) {
                sql = "SELECT COUNT(*) FROM \"" + table + "\" WHERE \"" + name + "\" IN (" + String.join(", ",
                        ids.stream().map(id -> "'" + id + "'").toList()) + ")";
            } else if (type.contains("CHARACTER")) {
                sql = "SELECT COUNT(*) FROM \"" + table + "\" WHERE " + String.join(" OR ",
                        ids.stream().map(id -> "\"" + name + "\" LIKE '%" + id + "%'").toList());
            } else {
                continue;
            }
            int count = dsl.fetchOne(sql).get(0, Integer.class);
            if (count > 0) {
                found.add(table + "." + name + " (" + count + ")");
            }
        }
        return found;
    }
}
