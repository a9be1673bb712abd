package app.rebound.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.rebound.domain.TextNormalization;
import app.rebound.domain.programme.Exercise;

/**
 * Text in a record file holds no invisible control character but tabs and line breaks: PostgreSQL
 * refuses U+0000 in text, so such a file would import into a clinic on H2 and fail on the server.
 * Every C0 and C1 control, in a name, in notes and in an exercise's step, is refused, naming where.
 */
class RecordControlCharactersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static String file(String givenName, String notes, String step) {
        return """
                {
                  "format": "rebound-record",
                  "version": 1,
                  "exported": "2026-12-01T10:15:00Z",
                  "exercises": [
                    { "code": "wall-sit", "name": "Wall sit", "stage": "BUILD", "purpose": "Strong thighs.",
                      "instructions": [ "%s" ] }
                  ],
                  "patients": [
                    { "id": "6b0b6c35-2a4e-4a59-9f51-0f1e8c3f1a11", "updated": "2026-12-01T10:00:00Z", "givenName": "%s", "familyName": "Ødegård",
                      "dateOfBirth": "1990-04-02", "notes": "%s", "births": [], "visits": [] }
                  ]
                }
                """.formatted(step, givenName, notes);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tabsAndLineBreaksInNotesAreRead() {
        RecordFile read = RecordReader.read(bytes(file("Zoë", "Line one\\n\\tLine two\\r\\n", "Lean on a wall.")), TODAY,
                code -> false);
        assertThat(read.patients()).hasSize(1);
    }

    @Test
    void everyOtherControlCharacterIsRefusedWhereverItIs() {
        for (int c = 0; c <= 0x9F; c++) {
            if (!Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            String escaped = String.format("\\u%04x", c);
            String code = String.format("U+%04X", c);
            assertThatThrownBy(() -> RecordReader.read(bytes(file("Zo" + escaped + "ë", "ok", "ok")), TODAY, x -> false))
                    .as(code + " in a name")
                    .isInstanceOf(InvalidRecordFileException.class)
                    .hasMessageContaining("patients[0].givenName")
                    .hasMessageContaining(code)
                    .hasMessageNotContaining("Zo");
            assertThatThrownBy(() -> RecordReader.read(bytes(file("Zoë", "a" + escaped, "ok")), TODAY, x -> false))
                    .as(code + " in notes")
                    .isInstanceOf(InvalidRecordFileException.class)
                    .hasMessageContaining("patients[0].notes");
            assertThatThrownBy(() -> RecordReader.read(bytes(file("Zoë", "ok", "Lean" + escaped)), TODAY, x -> false))
                    .as(code + " in an exercise step")
                    .isInstanceOf(InvalidRecordFileException.class)
                    .hasMessageContaining("exercises[0].instructions[0]");
        }
    }

    @Test
    void textTypedOrPastedInTheWindowLosesItsControlCharactersWhenStored() {
        assertThat(TextNormalization.clean("Zo\u0000ë\tØdegård\n")).isEqualTo("Zoë Ødegård");
        assertThat(TextNormalization.cleanNotes("Leaks\u0007 when\u0000 running\n\tnot walking\u009F"))
                .isEqualTo("Leaks when running\n\tnot walking");
        assertThat(TextNormalization.cleanNotes("\u0000\u0001")).isNull();
        assertThat(TextNormalization.clean("\u0000")).isNull();
        assertThat(TextNormalization.firstControl("李小龙\n")).isEqualTo(-1);
        assertThat(TextNormalization.firstControl("李\u001b小龙")).isEqualTo(0x1b);
    }

    @Test
    void lineBreaksAndSpacesPastedAsControlCharactersStaySeparators() {
        // Word puts U+000B for a line break within a paragraph; U+0085 and U+000C are line and page breaks
        assertThat(TextNormalization.clean("Anna\u000bMaria\u001fOdegard")).isEqualTo("Anna Maria Odegard");
        assertThat(TextNormalization.cleanNotes("Leaks when running\u000bno pain\u0085walks\u000cfine"))
                .isEqualTo("Leaks when running\nno pain\nwalks\nfine");
    }

    /** Text stored before control characters were taken out (or by an older version) is exported without them. */
    @Test
    void anExportOfTextHoldingControlCharactersReadsBack() {
        Exercise read = RecordReader.read(bytes(file("Zoë", "ok", "Lean on a wall.")), TODAY, x -> false)
                .exercises().get(0);
        Exercise stored = new Exercise(read.code(), "Wall\u0007 sit", read.stage(), read.kind(), "Strong\u0000 thighs.",
                List.of("Lean\u001b on a wall.", "\u0000"), List.of("Breathe\u000bout."), read.defaultDose(),
                read.easier(), read.harder(), read.illustration());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(new RecordFile(Instant.parse("2026-12-07T09:00:00Z"), List.of(stored), Map.of(), List.of()),
                out);
        Exercise back = RecordReader.read(out.toByteArray(), TODAY, x -> false).exercises().get(0);
        assertThat(back.name()).isEqualTo("Wall sit");
        assertThat(back.purpose()).isEqualTo("Strong thighs.");
        assertThat(back.instructions()).containsExactly("Lean on a wall.");
        assertThat(back.cues()).containsExactly("Breathe\nout.");
    }

    /** Half of a character (a surrogate without its pair): UTF-8 cannot hold it, PostgreSQL's driver sends "?". */
    @Test
    void halfACharacterIsRefusedInAFileAndDroppedWhenStored() {
        for (String half : List.of("\\ud800", "\\udc00", "\\ud83d")) {
            assertThatThrownBy(() -> RecordReader.read(bytes(file("Zo" + half + "ë", "ok", "ok")), TODAY, x -> false))
                    .as(half + " in a name")
                    .isInstanceOf(InvalidRecordFileException.class)
                    .hasMessageContaining("patients[0].givenName")
                    .hasMessageContaining("half of a character");
            assertThatThrownBy(() -> RecordReader.read(bytes(file("Zoë", "ok", "Lean" + half)), TODAY, x -> false))
                    .as(half + " in an exercise step")
                    .isInstanceOf(InvalidRecordFileException.class)
                    .hasMessageContaining("exercises[0].instructions[0]");
        }
        assertThat(RecordReader.read(bytes(file("Zoë \\ud83d\\ude00", "ok", "ok")), TODAY, x -> false).patients())
                .hasSize(1);
        assertThat(TextNormalization.clean("Zo\ud800ë \ud83d\ude00")).isEqualTo("Zoë \ud83d\ude00");
        assertThat(TextNormalization.cleanNotes("run\udc00 \ud83d")).isEqualTo("run");
        assertThat(TextNormalization.withoutControls("\ud83d\ude00\ud83d")).isEqualTo("\ud83d\ude00");
    }
}
