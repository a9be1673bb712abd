package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.AuditAction;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Clinician;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.AuditStore;

/**
 * The audit trail: who did what to which patient and when, and that a trail changed, cut short or added
 * to behind the program's back is detected, including through the database itself (plain SQL).
 */
class AuditTrailTest {

    @TempDir
    Path temp;

    private Patient zoe;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    /** A clinic with a patient seen, a visit saved and an export: about a dozen rows. */
    private Services busyClinic(Path folder) throws Exception {
        Services services = TestKeys.clinic(folder, clock, Locale.UK);
        zoe = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
        clock.advance(Duration.ofMinutes(1));
        services.patients().load(zoe.id());
        for (Visit visit : VisitFixture.visits(zoe, 2, 7)) {
            services.visits().save(visit);
        }
        services.records().export(List.of(zoe.id()), folder.getParent().resolve(folder.getFileName() + "-export.json"));
        services.progress().load(zoe.id());
        return services;
    }

    @Test
    void actionsOnARecordAreWrittenWithWhoWhenAndWhichPatient() throws Exception {
        try (Services services = busyClinic(temp.resolve("clinic"))) {
            Clinician anna = services.session().clinician().orElseThrow();
            Patient zoe = this.zoe;
            List<AuditEvent> events = services.audit().newestFirst(null, 0, 100);
            List<AuditEvent> hers = services.audit().newestFirst(zoe.id(), 0, 100);

            assertThat(events).extracting(AuditEvent::action).contains(AuditAction.ACCOUNT,
                    AuditAction.CREATE, AuditAction.VIEW, AuditAction.EXPORT);
            assertThat(hers).extracting(AuditEvent::action).containsSubsequence(AuditAction.VIEW, AuditAction.EXPORT,
                    AuditAction.CREATE, AuditAction.CREATE, AuditAction.VIEW, AuditAction.CREATE);
            assertThat(hers).allSatisfy(event -> {
                assertThat(event.patientId()).isEqualTo(zoe.id());
                assertThat(event.clinicianId()).isEqualTo(anna.id());
                assertThat(event.username()).isEqualTo("anna");
                assertThat(event.at()).isAfterOrEqualTo(OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC));
            });
            assertThat(hers.get(hers.size() - 1).at().toInstant()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(hers.get(0).at().toInstant()).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
            assertThat(events).extracting(AuditEvent::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(services.audit().verify()).satisfies(v -> {
                assertThat(v.intact()).isTrue();
                assertThat(v.rows()).isEqualTo(events.size());
            });
        }
    }

    @Test
    void theTrailNeverHoldsAPatientsNameBirthDateOrNotes() throws Exception {
        try (Services services = busyClinic(temp.resolve("clinic"))) {
            Patient zoe = this.zoe;
            services.patients().save(new Patient(zoe.id(), zoe.updated(), "Zoë-Renamed", "Ødegård", zoe.dateOfBirth(),
                    "+47 1234", "zoe@example.org", false, zoe.births(), null, "run a marathon", "notes quokka", null));
            services.patients().archive(zoe.id());
            services.progress().saveSummary(zoe.id(), "summary lighthouse");
            Path csv = temp.resolve("trail.csv");
            services.audit().exportCsv(csv);

            for (AuditEvent event : services.audit().newestFirst(null, 0, 1000)) {
                String text = event.toString();
                assertThat(text).doesNotContain("Zoë").doesNotContain("Ødegård").doesNotContain("1991")
                        .doesNotContain("quokka").doesNotContain("lighthouse").doesNotContain("marathon")
                        .doesNotContain("1234").doesNotContain("example.org");
            }
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).doesNotContain("Zoë").doesNotContain("Ødegård")
                    .doesNotContain("quokka").contains(zoe.id().toString()).startsWith("seq,time_utc,");
        }
    }

    /** One way of tampering, done through plain SQL on the open database or on the files beside it. */
    private record Tamper(String name, Consumer<Services> how) {
    }

    @Test
    void everyKindOfTamperingIsDetected() throws Exception {
        List<Tamper> tampering = List.of(
                new Tamper("a detail changed", s -> sql(s, "UPDATE audit_event SET detail = 'nothing' WHERE seq = 5")),
                new Tamper("a time changed", s -> sql(s, "UPDATE audit_event SET at = at + INTERVAL '1' SECOND WHERE seq = 5")),
                new Tamper("an action changed", s -> sql(s, "UPDATE audit_event SET action = 'SIGN_IN' WHERE seq = 5")),
                new Tamper("an unknown action", s -> sql(s, "UPDATE audit_event SET action = 'NOTHING' WHERE seq = 5")),
                new Tamper("the user changed", s -> sql(s, "UPDATE audit_event SET username = 'bob' WHERE seq = 5")),
                new Tamper("the patient changed", s -> sql(s, "UPDATE audit_event SET patient_id = RANDOM_UUID() WHERE seq = 5")),
                new Tamper("a middle row deleted", s -> sql(s, "DELETE FROM audit_event WHERE seq = 5")),
                new Tamper("a middle row deleted and the rest renumbered", s -> {
                    sql(s, "DELETE FROM audit_event WHERE seq = 5");
                    sql(s, "UPDATE audit_event SET seq = seq - 1 WHERE seq > 5");
                }),
                new Tamper("the last row deleted", s -> sql(s, "DELETE FROM audit_event WHERE seq = "
                        + "(SELECT MAX(seq) FROM audit_event)")),
                new Tamper("the last three rows deleted", s -> sql(s, "DELETE FROM audit_event WHERE seq > "
                        + "(SELECT MAX(seq) - 3 FROM audit_event)")),
                new Tamper("every row deleted", s -> sql(s, "DELETE FROM audit_event")),
                new Tamper("the first row deleted", s -> sql(s, "DELETE FROM audit_event WHERE seq = 1")),
                new Tamper("two rows swapped", s -> {
                    sql(s, "UPDATE audit_event SET seq = -1 WHERE seq = 5");
                    sql(s, "UPDATE audit_event SET seq = 5 WHERE seq = 6");
                    sql(s, "UPDATE audit_event SET seq = 6 WHERE seq = -1");
                }),
                new Tamper("a forged row added", s -> sql(s, "INSERT INTO audit_event (seq, at, username, action, detail, "
                        + "hash) SELECT MAX(seq) + 1, CURRENT_TIMESTAMP, 'anna', 'VIEW', 'forged', "
                        + "CAST(X'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' AS BINARY(32)) "
                        + "FROM audit_event")),
                new Tamper("a row's copy added with its hash", s -> sql(s, "INSERT INTO audit_event (seq, at, clinician_id, "
                        + "username, action, patient_id, detail, hash) SELECT (SELECT MAX(seq) + 1 FROM audit_event), at, "
                        + "clinician_id, username, action, patient_id, detail, hash FROM audit_event WHERE seq = "
                        + "(SELECT MAX(seq) FROM audit_event)")),
                new Tamper("the end marker edited", s -> edit(s, text -> {
                    String[] parts = text.strip().split(" ");
                    return (Long.parseLong(parts[0]) - 1) + " " + parts[1] + " " + parts[2] + "\n";
                })),
                new Tamper("the end marker's hash edited", s -> edit(s, text -> text.replaceFirst("^(\\d+ )(.)",
                        "$1" + (text.split(" ")[1].charAt(0) == '0' ? "1" : "0")))),
                new Tamper("the end marker deleted", s -> {
                    try {
                        Files.delete(s.database().folder().resolve(AuditStore.HEAD_FILE));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                new Tamper("the end marker emptied", s -> edit(s, text -> "")));
        int n = 0;
        for (Tamper tamper : tampering) {
            Path folder = temp.resolve("clinic-" + n++);
            try (Services services = busyClinic(folder)) {
                AuditStore.Verification before = services.audit().verify();
                assertThat(before.intact()).as("before: " + tamper.name()).isTrue();
                assertThat(before.rows()).isGreaterThanOrEqualTo(7);

                tamper.how().accept(services);

                AuditStore.Verification after = services.audit().verify();
                assertThat(after.intact()).as(tamper.name()).isFalse();
                assertThat(after.problem()).as(tamper.name()).isNotBlank();
                if (tamper.name().startsWith("a detail") || tamper.name().startsWith("a middle row deleted")
                        || tamper.name().startsWith("a time")) {
                    assertThat(after.firstBrokenRow()).as(tamper.name()).isEqualTo(5);
                }
            }
            // and as the command sees it after a restart: the trail is broken, or, where rows the end marker
            // records are gone from the end, the records are not opened at all (they look cut short: damage)
            try (Services again = TestKeys.signIn(folder, clock, Locale.UK)) {
                assertThat(again.audit().verify().intact()).as(tamper.name() + " after a restart").isFalse();
            } catch (RecordsUnavailableException refused) {
                assertThat(refused.reason()).as(tamper.name()).isEqualTo(RecordsUnavailableException.Reason.DAMAGED);
                assertThat(tamper.name()).as("only rows gone from the end look like a file cut short")
                        .isIn("the last row deleted", "the last three rows deleted", "every row deleted",
                                "a middle row deleted and the rest renumbered");
            }
        }
    }

    @Test
    void aTrailAppendedToAfterTamperingStaysBroken() throws Exception {
        Path folder = temp.resolve("clinic");
        try (Services services = busyClinic(folder)) {
            sql(services, "UPDATE audit_event SET detail = 'nothing' WHERE seq = 3");
            Patient zoe = this.zoe;
            services.patients().load(zoe.id());
            assertThat(services.audit().verify().firstBrokenRow()).isEqualTo(3);
        }
    }

    @Test
    void aTrailLeftOneRowAheadOfItsMarkerByACrashIsIntact() throws Exception {
        Path folder = temp.resolve("clinic");
        try (Services services = busyClinic(folder)) {
            Path head = folder.resolve(AuditStore.HEAD_FILE);
            byte[] marker = Files.readAllBytes(head);
            Patient zoe = this.zoe;
            services.patients().load(zoe.id());
            // as if the program died between committing the row and moving the marker on
            Files.write(head, marker);
            assertThat(services.audit().verify().intact()).isTrue();

            services.patients().load(zoe.id());
            Files.write(head, marker);
            assertThat(services.audit().verify().intact()).as("two rows past the marker").isFalse();
        }
    }

    static void sql(Services services, String statement) {
        services.database().dsl().execute(statement);
    }

    private static void edit(Services services, UnaryOperator<String> change) {
        Path head = services.database().folder().resolve(AuditStore.HEAD_FILE);
        try {
            Files.writeString(head, change.apply(Files.readString(head)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
