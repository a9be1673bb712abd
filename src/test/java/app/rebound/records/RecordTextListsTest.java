package app.rebound.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.rebound.domain.programme.Exercise;

/**
 * A clinic exercise's steps and cues (record format EXERCISE): an empty one says nothing, and export
 * never writes an empty string, so a blank item is left out both ways.
 */
class RecordTextListsTest {

    private static final String FILE = """
            {
              "format": "rebound-record",
              "version": 1,
              "exported": "2026-11-21T10:15:00Z",
              "exercises": [
                { "code": "wall-sit", "name": "Wall sit", "stage": "BUILD", "purpose": "Strong thighs.",
                  "instructions": [ "Lean on a wall.", "", "Slide down and hold.", "   " ],
                  "cues": [ "" ] }
              ],
              "patients": []
            }
            """;

    @Test
    void blankStepsAndCuesAreLeftOutWhenReadAndWhenWritten() {
        RecordFile file = RecordReader.read(FILE.getBytes(StandardCharsets.UTF_8), LocalDate.of(2026, 11, 22),
                code -> false);
        Exercise read = file.exercises().get(0);
        assertThat(read.instructions()).containsExactly("Lean on a wall.", "Slide down and hold.");
        assertThat(read.cues()).isEmpty();

        Exercise blanks = new Exercise(read.code(), read.name(), read.stage(), read.kind(), read.purpose(),
                List.of("Lean on a wall.", " ", "Slide down and hold."), List.of(""), read.defaultDose(),
                read.easier(), read.harder(), read.illustration());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(new RecordFile(Instant.parse("2026-11-22T09:00:00Z"), List.of(blanks), Map.of(), List.of()),
                out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("\"\"").doesNotContain("\" \"").doesNotContain("\"cues\"");
        Exercise back = RecordReader.read(written.getBytes(StandardCharsets.UTF_8), LocalDate.of(2026, 11, 22),
                code -> false).exercises().get(0);
        assertThat(back.instructions()).containsExactly("Lean on a wall.", "Slide down and hold.");
    }
}
