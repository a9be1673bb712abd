package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.FindingsFixture;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * The reasons are not part of record format v1: export leaves them out, an imported programme's exercises
 * get IMPORTED; a plan from a file is checked against the format's ranges only.
 */
class ProgrammeReasonsRecordTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path out;

    @Test
    void exportLeavesReasonsOutAndImportMarksThemImported() throws Exception {
        Path file = out.resolve("records.json");
        Visit visit;
        try (Services services = TestKeys.services(first, VisitFixture.CLOCK, Locale.UK)) {
            Patient patient = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
            visit = services.visits().save(new FindingsFixture().floor(3, false, Relaxation.COMPLETE, Tone.NORMAL)
                    .visit(patient.id(), LocalDate.of(2026, 11, 20), Stage.WALK_RUN)).visit();
            Programme suggested = services.programmes().open(visit.id()).programme();
            // a plan that breaks today's rules (walks dropped after 3-minute runs), as older files have
            List<WalkRunWeek> old = new ArrayList<>();
            for (int week = 1; week <= 12; week++) {
                old.add(new WalkRunWeek(week, 3, 180, 30, 10));
            }
            old.add(new WalkRunWeek(13, 3, 180, 0, 10));
            assertThat(suggested.exercises()).allSatisfy(i -> assertThat(i.reasons()).isNotEmpty());
            services.programmes().save(visit.id(), suggested);
            services.records().export(List.of(), file);
            String json = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(json).doesNotContain("reasons").doesNotContain("\"KNACK\"").doesNotContain("STAGE");
            Files.writeString(file, json.replaceFirst("\"walkRun\"\\s*:\\s*\\[[^\\]]*\\]", "\"walkRun\": " + plan(old)),
                    StandardCharsets.UTF_8);
            assertThat(Files.readString(file)).contains("\"runSeconds\": 180, \"walkSeconds\": 0");
        }
        try (Services services = TestKeys.services(second, VisitFixture.CLOCK, Locale.UK)) {
            services.records().importFile(file);

            Programme imported = services.programmes().open(visit.id()).programme();
            assertThat(imported.exercises()).isNotEmpty().extracting(ProgrammeItem::reasons)
                    .allSatisfy(reasons -> assertThat(reasons).containsExactly("IMPORTED"));
            assertThat(imported.walkRun()).hasSize(13).first().isEqualTo(new WalkRunWeek(1, 3, 180, 30, 10));
        }
    }

    private static String plan(List<WalkRunWeek> weeks) {
        StringBuilder json = new StringBuilder("[");
        for (WalkRunWeek w : weeks) {
            json.append(json.length() > 1 ? ", " : "").append("{ \"week\": ").append(w.week())
                    .append(", \"sessionsPerWeek\": ").append(w.sessionsPerWeek()).append(", \"runSeconds\": ")
                    .append(w.runSeconds()).append(", \"walkSeconds\": ").append(w.walkSeconds())
                    .append(", \"repeats\": ").append(w.repeats()).append(" }");
        }
        return json.append("]").toString();
    }
}
