package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** Export → import into an empty folder → export gives the same file, apart from "exported". */
class RecordRoundTripTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path out;

    private static String withoutExported(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\"exported\": \"[^\"]*\"", "");
    }

    @Test
    void exportImportExportGivesTheSameBytes() throws Exception {
        try (Services services = TestKeys.services(first, VisitFixture.CLOCK, Locale.UK)) {
            VisitFixture.seed(services, "Zoë", "Ødegård", 8, 7);
            VisitFixture.seed(services, "小龙", "李", 3, 11);
            Patient ana = VisitFixture.seed(services, "Ana-María", "O'Neil", 1, 5);
            Visit full = VisitFixture.withDate(VisitFixture.full(ana.id(), LocalDate.of(2026, 11, 1)),
                    LocalDate.of(2026, 11, 1));
            services.visits().save(full);
            int written = services.records().export(List.of(), out.resolve("one.json"));
            assertThat(written).isEqualTo(3);
        }
        ImportSummary summary;
        try (Services services = TestKeys.services(second, VisitFixture.CLOCK, Locale.UK)) {
            summary = services.records().importFile(out.resolve("one.json"));
            services.records().export(List.of(), out.resolve("two.json"));
            ImportSummary again = services.records().importFile(out.resolve("one.json"));
            assertThat(again.changedNothing()).isTrue();
            assertThat(again.patientsUnchanged()).isEqualTo(3);
        }
        assertThat(summary.patientsAdded()).isEqualTo(3);
        assertThat(summary.visitsAdded()).isEqualTo(13);
        assertThat(withoutExported(out.resolve("two.json"))).isEqualTo(withoutExported(out.resolve("one.json")));
        String text = Files.readString(out.resolve("one.json"));
        assertThat(text).contains("\"givenName\": \"Zoë\"").contains("\"familyName\": \"李\"")
                .contains("\"spaces\" :true").doesNotContain("null");
    }

    @Test
    void aBadValueIsRefusedWithItsPathAndNothingIsWritten() throws Exception {
        String file = """
                {
                  "format": "rebound-record",
                  "version": 1,
                  "exported": "2026-11-21T10:15:00Z",
                  "patients": [
                    {
                      "id": "6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60",
                      "updated": "2026-11-21T10:00:00Z",
                      "givenName": "Zoë",
                      "familyName": "Ødegård",
                      "births": [ { "date": "2026-07-01", "mode": "VAGINAL", "perinealTrauma": "TEAR_2" } ],
                      "visits": [
                        { "id": "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c11", "date": "2026-10-20",
                          "pelvicFloor": { "power": 7 } }
                      ]
                    }
                  ]
                }
                """;
        Path path = out.resolve("bad.json");
        Files.writeString(path, file);
        try (Services services = TestKeys.services(first, VisitFixture.CLOCK, Locale.UK)) {
            assertThatThrownBy(() -> services.records().importFile(path))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                            .containsExactly("patients[0].visits[0].pelvicFloor.power: 7 is outside 0–5 "
                                    + "(Modified Oxford Scale)."));
            assertThat(services.patients().search("", true).patients()).isEmpty();
            Files.writeString(path, file.replace("\"power\": 7", "\"power\": 3"));
            assertThat(services.records().importFile(path).visitsAdded()).isEqualTo(1);
            assertThat(services.visits().load(UUID.fromString("0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c11"))
                    .pelvicFloor().power()).isEqualTo(3);
        }
    }
}
