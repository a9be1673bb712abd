package app.rebound.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import app.rebound.domain.Birth;
import app.rebound.domain.Decimals;
import app.rebound.domain.Patient;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.Visit;

/**
 * Writes a record file in the canonical form of record-format.md: keys in the order of its
 * tables, two-space indentation, patients by family name, given name and id, births and visits by
 * date then id, enumeration lists in their listed order, absent values left out (never null, "" or
 * {}). Export → import → export gives the same bytes apart from {@code exported}.
 */
public final class RecordWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    public static final Comparator<RecordFile.PatientRecord> PATIENT_ORDER = Comparator
            .comparing((RecordFile.PatientRecord p) -> p.patient().familyName())
            .thenComparing(p -> p.patient().givenName())
            .thenComparing(p -> p.patient().id().toString());
    private static final Comparator<RecordFile.VisitRecord> VISIT_ORDER = Comparator
            .comparing((RecordFile.VisitRecord v) -> v.visit().date())
            .thenComparing(v -> v.visit().id().toString());
    private static final Comparator<Birth> BIRTH_ORDER = Comparator.comparing(Birth::date)
            .thenComparing(b -> b.mode() == null ? "" : b.mode().name())
            .thenComparing(b -> b.perinealTrauma() == null ? "" : b.perinealTrauma().name());

    private RecordWriter() {
    }

    public static void write(RecordFile file, OutputStream out) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", RecordReader.FORMAT);
            g.writeNumberField("version", RecordReader.VERSION);
            g.writeStringField("exported", timestamp(file.exported()));
            List<Exercise> exercises = file.exercises().stream().sorted(Comparator.comparing(Exercise::code)).toList();
            if (!exercises.isEmpty()) {
                g.writeArrayFieldStart("exercises");
                for (Exercise e : exercises) {
                    exercise(g, e, file.images().get(e.code()));
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("patients");
            for (RecordFile.PatientRecord p : file.patients().stream().sorted(PATIENT_ORDER).toList()) {
                patient(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void exercise(JsonGenerator g, Exercise e, ExercisePhoto image) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", e.code());
        g.writeStringField("name", TextNormalization.withoutControls(e.name()));
        g.writeStringField("stage", e.stage().name());
        text(g, "purpose", e.purpose());
        strings(g, "instructions", e.instructions());
        strings(g, "cues", e.cues());
        if (image != null) {
            g.writeObjectFieldStart("image");
            g.writeStringField("mediaType", image.mediaType());
            g.writeStringField("data", Base64.getEncoder().encodeToString(image.data()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void patient(JsonGenerator g, RecordFile.PatientRecord record) throws IOException {
        Patient p = record.patient();
        g.writeStartObject();
        g.writeStringField("id", p.id().toString());
        g.writeStringField("updated", timestamp(p.updated()));
        g.writeStringField("givenName", TextNormalization.withoutControls(p.givenName()));
        g.writeStringField("familyName", TextNormalization.withoutControls(p.familyName()));
        date(g, "dateOfBirth", p.dateOfBirth());
        text(g, "phone", p.phone());
        text(g, "email", p.email());
        if (p.archived()) {
            g.writeBooleanField("archived", true);
        }
        if (!p.births().isEmpty()) {
            g.writeArrayFieldStart("births");
            for (Birth b : p.births().stream().sorted(BIRTH_ORDER).toList()) {
                g.writeStartObject();
                date(g, "date", b.date());
                enumeration(g, "mode", b.mode());
                enumeration(g, "perinealTrauma", b.perinealTrauma());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        decimal(g, "previousWeeklyRunKm", p.previousWeeklyRunKm());
        text(g, "goal", p.goal());
        text(g, "notes", p.notes());
        extensions(g, p.extensions());
        if (!record.visits().isEmpty()) {
            g.writeArrayFieldStart("visits");
            for (RecordFile.VisitRecord v : record.visits().stream().sorted(VISIT_ORDER).toList()) {
                visit(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void visit(JsonGenerator g, RecordFile.VisitRecord record) throws IOException {
        Visit v = record.visit();
        g.writeStartObject();
        g.writeStringField("id", v.id().toString());
        g.writeStringField("updated", timestamp(v.updated()));
        date(g, "date", v.date());
        enumeration(g, "status", v.status());
        text(g, "clinician", v.clinician());
        enumeration(g, "kind", v.kind());
        history(g, v.history());
        symptoms(g, v.symptoms());
        if (v.redFlags() != null) {
            enumerations(g, "redFlags", v.redFlags());
        }
        pelvicFloor(g, v.pelvicFloor());
        abdominal(g, v.abdominalWall());
        strength(g, v.strength());
        load(g, v.loadImpact());
        outcomes(g, v.outcomes());
        programme(g, record.programme());
        text(g, "notes", v.notes());
        extensions(g, v.extensions());
        g.writeEndObject();
    }

    private static void history(JsonGenerator g, History h) throws IOException {
        if (h == null || h.equals(History.EMPTY)) {
            return;
        }
        g.writeObjectFieldStart("history");
        bool(g, "breastfeeding", h.breastfeeding());
        decimal(g, "sleepHours", h.sleepHours());
        decimal(g, "bmi", h.bmi());
        bool(g, "hypermobility", h.hypermobility());
        bool(g, "psychologicalConcern", h.psychologicalConcern());
        bool(g, "redsConcern", h.redsConcern());
        bool(g, "leakedBeforeOrDuringPregnancy", h.leakedBeforeOrDuringPregnancy());
        enumeration(g, "supportDevice", h.supportDevice());
        g.writeEndObject();
    }

    private static void symptoms(JsonGenerator g, Symptoms s) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("symptoms");
        bool(g, "urinaryIncontinence", s.urinaryIncontinence());
        bool(g, "faecalIncontinence", s.faecalIncontinence());
        bool(g, "urgency", s.urgency());
        bool(g, "heavinessOrBulge", s.heavinessOrBulge());
        bool(g, "dyspareunia", s.dyspareunia());
        bool(g, "obstructedDefecation", s.obstructedDefecation());
        bool(g, "abdominalSeparation", s.abdominalSeparation());
        bool(g, "lumbopelvicPain", s.lumbopelvicPain());
        integer(g, "painNrs", s.painNrs());
        integer(g, "runSymptomOnsetMinutes", s.runSymptomOnsetMinutes());
        g.writeEndObject();
    }

    private static void pelvicFloor(JsonGenerator g, PelvicFloorExam p) throws IOException {
        if (p == null || p.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("pelvicFloor");
        enumeration(g, "method", p.method());
        integer(g, "power", p.power());
        integer(g, "enduranceSeconds", p.enduranceSeconds());
        integer(g, "repetitions", p.repetitions());
        integer(g, "fastContractions", p.fastContractions());
        bool(g, "elevation", p.elevation());
        bool(g, "coContraction", p.coContraction());
        bool(g, "coughPrecontraction", p.coughPrecontraction());
        enumeration(g, "relaxation", p.relaxation());
        enumeration(g, "tone", p.tone());
        integer(g, "standingSubmaxHoldSeconds", p.standingSubmaxHoldSeconds());
        text(g, "notes", p.notes());
        g.writeEndObject();
    }

    private static void abdominal(JsonGenerator g, AbdominalWall a) throws IOException {
        if (a == null || a.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("abdominalWall");
        enumeration(g, "method", a.method());
        enumeration(g, "unit", a.unit());
        decimal(g, "aboveUmbilicus", a.aboveUmbilicus());
        decimal(g, "atUmbilicus", a.atUmbilicus());
        decimal(g, "belowUmbilicus", a.belowUmbilicus());
        bool(g, "doming", a.doming());
        enumeration(g, "lineaAlba", a.lineaAlba());
        g.writeEndObject();
    }

    private static void strength(JsonGenerator g, Map<StrengthTest, Sides<Integer>> strength) throws IOException {
        if (strength.values().stream().allMatch(Sides::isEmpty)) {
            return;
        }
        g.writeObjectFieldStart("strength");
        for (StrengthTest test : StrengthTest.values()) {
            Sides<Integer> sides = strength.get(test);
            if (sides != null && !sides.isEmpty()) {
                g.writeObjectFieldStart(test.name());
                integer(g, "left", sides.left());
                integer(g, "right", sides.right());
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static void load(JsonGenerator g, Map<LoadTest, LoadEntry> load) throws IOException {
        if (load.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("loadImpact");
        for (LoadTest test : LoadTest.values()) {
            LoadEntry entry = load.get(test);
            if (entry instanceof LoadEntry.Whole whole && recorded(whole.result())) {
                g.writeFieldName(test.name());
                result(g, whole.result());
            } else if (entry instanceof LoadEntry.PerSide per
                    && (recorded(per.sides().left()) || recorded(per.sides().right()))) {
                g.writeObjectFieldStart(test.name());
                if (recorded(per.sides().left())) {
                    g.writeFieldName("left");
                    result(g, per.sides().left());
                }
                if (recorded(per.sides().right())) {
                    g.writeFieldName("right");
                    result(g, per.sides().right());
                }
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static boolean recorded(LoadResult result) {
        return result != null && result.status() != TestStatus.NOT_TESTED;
    }

    private static void result(JsonGenerator g, LoadResult result) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", result.status().name());
        if (!result.symptoms().isEmpty()) {
            enumerations(g, "symptoms", result.symptoms());
        }
        g.writeEndObject();
    }

    private static void outcomes(JsonGenerator g, Outcomes o) throws IOException {
        if (o == null || o.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("outcomes");
        if (!o.psfs().isEmpty()) {
            g.writeArrayFieldStart("psfs");
            for (PsfsItem item : o.psfs()) {
                g.writeStartObject();
                text(g, "activity", item.activity());
                integer(g, "score", item.score());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        integer(g, "iciqUiSfScore", o.iciqUiSfScore());
        integer(g, "pgiI", o.pgiI());
        g.writeEndObject();
    }

    private static void programme(JsonGenerator g, Programme p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart("programme");
        enumeration(g, "stage", p.stage());
        enumeration(g, "suggestedStage", p.suggestedStage());
        if (!p.exercises().isEmpty()) {
            g.writeArrayFieldStart("exercises");
            for (ProgrammeItem item : p.exercises()) {
                Dose d = item.dose();
                g.writeStartObject();
                g.writeStringField("exercise", item.exercise());
                g.writeNumberField("sets", d.sets());
                g.writeNumberField("reps", d.reps());
                g.writeNumberField("holdSeconds", d.holdSeconds());
                g.writeNumberField("timesPerDay", d.timesPerDay());
                g.writeNumberField("daysPerWeek", d.daysPerWeek());
                text(g, "notes", item.notes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!p.walkRun().isEmpty()) {
            g.writeArrayFieldStart("walkRun");
            for (WalkRunWeek w : p.walkRun()) {
                g.writeStartObject();
                g.writeNumberField("week", w.week());
                g.writeNumberField("sessionsPerWeek", w.sessionsPerWeek());
                g.writeNumberField("runSeconds", w.runSeconds());
                g.writeNumberField("walkSeconds", w.walkSeconds());
                g.writeNumberField("repeats", w.repeats());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        integer(g, "reviewInWeeks", p.reviewInWeeks());
        g.writeEndObject();
    }

    private static void extensions(JsonGenerator g, String raw) throws IOException {
        if (raw != null && !raw.isBlank()) {
            g.writeFieldName("extensions");
            g.writeRawValue(raw);
        }
    }

    /**
     * Text as import takes it: without the control characters a record file may not hold (text stored
     * before they were taken out when stored, or by another version), so that an export always imports.
     */
    private static void text(JsonGenerator g, String name, String value) throws IOException {
        String written = TextNormalization.withoutControls(value);
        if (written != null && !written.isEmpty()) {
            g.writeStringField(name, written);
        }
    }

    /** Export never writes an empty string: blank items are left out, and a list of none with them. */
    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        List<String> written = values == null ? List.of() : values.stream().map(TextNormalization::withoutControls)
                .filter(v -> !v.isBlank()).toList();
        if (!written.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String value : written) {
                g.writeString(value);
            }
            g.writeEndArray();
        }
    }

    private static void date(JsonGenerator g, String name, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(name, value);
        }
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, Decimals.shortest(value));
        }
    }

    private static void enumeration(JsonGenerator g, String name, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.name());
        }
    }

    private static <E extends Enum<E>> void enumerations(JsonGenerator g, String name, Set<E> values)
            throws IOException {
        g.writeArrayFieldStart(name);
        values.stream().sorted().forEach(v -> {
            try {
                g.writeString(v.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        g.writeEndArray();
    }
}
