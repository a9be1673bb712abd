package app.rebound.records;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.PerinealTrauma;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.ClinicExerciseRules;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.Reasons;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;

/**
 * Reads a patient record file (record-format.md, version 1) and checks all of it before anything
 * is written: the shape (unknown fields, types, enumeration words), then every clinical rule of
 * the domain, then ids that repeat. It answers with the whole content or with every error found
 * (the first {@value #MAX_ERRORS}), each naming the JSON path, the value and the rule.
 */
public final class RecordReader {

    public static final String FORMAT = "rebound-record";
    public static final int VERSION = 1;
    static final int MAX_ERRORS = 100;
    /** The most text an extensions object may hold (the database keeps up to this). */
    public static final int EXTENSIONS_MAX_LENGTH = 1_000_000;
    /** An image of a clinic exercise may hold at most this many bytes. */
    public static final int IMAGE_MAX_BYTES = 2 * 1024 * 1024;
    /** The dose given to an imported clinic exercise (the format does not carry one). */
    public static final Dose IMPORTED_EXERCISE_DOSE = new Dose(3, 10, 0, 1, 3);


    private final LocalDate today;
    private final Map<JsonNode, String> extensions;
    private final Predicate<String> knownExercise;
    private final List<String> errors = new ArrayList<>();
    private int errorCount;

    private RecordReader(LocalDate today, Map<JsonNode, String> extensions, Predicate<String> knownExercise) {
        this.today = today;
        this.extensions = extensions;
        this.knownExercise = knownExercise;
    }

    /**
     * Reads and checks a whole file.
     *
     * @param today the computer's date: nothing may be dated after it
     * @param knownExercise whether an exercise code is known besides the file's own exercises (the
     *        shipped library and the clinic's exercises in the database)
     * @throws InvalidRecordFileException with every error found; nothing has been written
     */
    public static RecordFile read(byte[] bytes, LocalDate today, Predicate<String> knownExercise) {
        JsonSource.Parsed parsed = JsonSource.parse(bytes);
        RecordReader reader = new RecordReader(today, parsed.extensions(), knownExercise);
        RecordFile file = reader.file(parsed.root());
        if (reader.errorCount > 0) {
            List<String> shown = new ArrayList<>(reader.errors);
            if (reader.errorCount > shown.size()) {
                shown.add("… and " + (reader.errorCount - shown.size()) + " more errors.");
            }
            throw new InvalidRecordFileException(shown);
        }
        return file;
    }

    // --- top level ------------------------------------------------------------------------------

    private RecordFile file(JsonNode root) {
        Obj top = object(root, "", "the file", "format", "version", "exported", "exercises", "patients");
        if (top == null) {
            return null;
        }
        JsonNode format = root.get("format");
        if (format == null || format.isNull()) {
            error("format", null, "is missing: a Rebound record file starts with \"format\": \"" + FORMAT + "\".");
            return null;
        }
        if (!format.isTextual() || !FORMAT.equals(format.asText())) {
            error("format", format, "is not \"" + FORMAT + "\": this is not a Rebound record file.");
            return null;
        }
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            error("version", null, "is missing: this file says which version of the format it uses.");
            return null;
        }
        if (!version.isIntegralNumber()) {
            error("version", version, "should be the number " + VERSION + ", without quotes.");
            return null;
        }
        if (version.bigIntegerValue().compareTo(BigInteger.valueOf(VERSION)) != 0) {
            error("version", version, "is a version this Rebound cannot read (it reads version " + VERSION
                    + "); update Rebound to import this file.");
            return null;
        }
        Instant exported = top.timestamp("exported", true);
        List<Exercise> exercises = new ArrayList<>();
        Map<String, ExercisePhoto> images = new LinkedHashMap<>();
        top.list("exercises", false, (node, path) -> exercise(node, path, exercises, images));
        Set<String> fileCodes = new LinkedHashSet<>();
        exercises.forEach(e -> fileCodes.add(e.code()));
        Predicate<String> known = code -> fileCodes.contains(code) || knownExercise.test(code);
        List<RecordFile.PatientRecord> patients = new ArrayList<>();
        if (top.required("patients")) {
            top.list("patients", true, (node, path) -> {
                RecordFile.PatientRecord patient = patient(node, path, known);
                if (patient != null) {
                    patients.add(patient);
                }
            });
        }
        duplicates(patients);
        return new RecordFile(exported == null ? Instant.EPOCH : exported, exercises, images, patients);
    }

    private void duplicates(List<RecordFile.PatientRecord> patients) {
        Map<UUID, String> patientIds = new HashMap<>();
        Map<UUID, String> visitIds = new HashMap<>();
        for (int p = 0; p < patients.size(); p++) {
            RecordFile.PatientRecord record = patients.get(p);
            String path = "patients[" + p + "]";
            String earlier = patientIds.putIfAbsent(record.patient().id(), path);
            if (earlier != null) {
                error(path + ".id", null, "\"" + record.patient().id() + "\" is the id of " + earlier
                        + " too; each patient has her own id.");
            }
            for (int v = 0; v < record.visits().size(); v++) {
                UUID id = record.visits().get(v).visit().id();
                String visitPath = path + ".visits[" + v + "]";
                String before = visitIds.putIfAbsent(id, visitPath);
                if (before != null) {
                    error(visitPath + ".id", null, "\"" + id + "\" is the id of " + before
                            + " too; each visit has its own id.");
                }
            }
        }
    }

    // --- exercises ------------------------------------------------------------------------------

    private void exercise(JsonNode node, String path, List<Exercise> into, Map<String, ExercisePhoto> images) {
        Obj o = object(node, path, "an exercise", "code", "name", "stage", "purpose", "instructions", "cues",
                "image");
        if (o == null) {
            return;
        }
        String code = o.text("code", true, false);
        String name = o.text("name", true, true);
        Stage stage = o.enumeration("stage", Stage.class, true);
        String purpose = o.text("purpose", false, true);
        List<String> instructions = o.texts("instructions");
        List<String> cues = o.texts("cues");
        if (code == null || name == null || stage == null) {
            return;
        }
        if (into.stream().anyMatch(e -> e.code().equals(code))) {
            error(path + ".code", node.get("code"), "is used by another exercise in this file; codes are unique.");
            return;
        }
        Exercise exercise = new Exercise(code, name, stage, ExerciseKind.GENERAL, purpose == null ? "" : purpose,
                instructions, cues, IMPORTED_EXERCISE_DOSE, null, null, null);
        for (Violation v : ClinicExerciseRules.validate(exercise, other -> false)) {
            error(path + "." + v.field(), null, v.message());
        }
        into.add(exercise);
        JsonNode image = node.get("image");
        if (image != null && !image.isNull()) {
            Obj img = object(image, path + ".image", "an image", "mediaType", "data");
            if (img != null) {
                String mediaType = img.text("mediaType", true, false);
                String data = img.text("data", true, false);
                if (mediaType != null && !mediaType.equals("image/png") && !mediaType.equals("image/jpeg")) {
                    error(path + ".image.mediaType", image.get("mediaType"), "is not image/png or image/jpeg.");
                } else if (mediaType != null && data != null) {
                    try {
                        byte[] bytes = Base64.getMimeDecoder().decode(data);
                        if (bytes.length > IMAGE_MAX_BYTES) {
                            error(path + ".image.data", null, "the image has " + bytes.length
                                    + " bytes; at most 2 MB (" + IMAGE_MAX_BYTES + " bytes).");
                        } else {
                            images.put(code, new ExercisePhoto(mediaType, bytes));
                        }
                    } catch (IllegalArgumentException e) {
                        error(path + ".image.data", null, "is not base64 data.");
                    }
                }
            }
        }
    }

    // --- patients -------------------------------------------------------------------------------

    private RecordFile.PatientRecord patient(JsonNode node, String path, Predicate<String> knownExercise) {
        Obj o = object(node, path, "a patient", "id", "updated", "givenName", "familyName", "dateOfBirth", "phone",
                "email", "archived", "births", "previousWeeklyRunKm", "goal", "notes", "extensions", "visits");
        if (o == null) {
            return null;
        }
        UUID id = o.uuid("id", true);
        Instant updated = o.timestamp("updated", true);
        String given = o.text("givenName", true, true);
        String family = o.text("familyName", true, true);
        LocalDate dateOfBirth = o.date("dateOfBirth", false);
        String phone = o.text("phone", false, true);
        String email = o.text("email", false, true);
        Boolean archived = o.bool("archived");
        List<Birth> births = new ArrayList<>();
        Places places = new Places();
        o.list("births", false, (b, bPath) -> {
            Obj birth = object(b, bPath, "a birth", "date", "mode", "perinealTrauma");
            if (birth != null) {
                LocalDate date = birth.date("date", true);
                BirthMode mode = birth.enumeration("mode", BirthMode.class, false);
                PerinealTrauma trauma = birth.enumeration("perinealTrauma", PerinealTrauma.class, false);
                if (date != null) {
                    births.add(new Birth(date, mode, trauma));
                    places.kept("births", bPath);
                }
            }
        });
        BigDecimal previousKm = o.decimal("previousWeeklyRunKm");
        String goal = o.text("goal", false, true);
        String notes = o.notes("notes");
        String ext = o.extensions();
        if (id == null || updated == null || given == null || family == null) {
            return null;
        }
        Patient patient = new Patient(id, updated, given, family, dateOfBirth, phone, email,
                Boolean.TRUE.equals(archived), births, previousKm, goal, notes, ext);
        for (Violation v : PatientValidator.validate(patient, today)) {
            String field = places.inFile(inFileOrder(v.field(), patient.births(), births));
            error(path + "." + field, at(node, field), v.message());
        }
        List<RecordFile.VisitRecord> visits = new ArrayList<>();
        o.list("visits", false, (v, vPath) -> {
            RecordFile.VisitRecord visit = visit(v, vPath, patient, knownExercise);
            if (visit != null) {
                visits.add(visit);
            }
        });
        return new RecordFile.PatientRecord(patient, visits);
    }

    /**
     * The patient keeps her births in date order; a rule broken by one of them is reported at its
     * place among the births read (which {@link Places} turns into its place in the file).
     */
    private static String inFileOrder(String field, List<Birth> sorted, List<Birth> inFile) {
        Matcher m = Pattern.compile("^births\\[(\\d+)\\](.*)$").matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(1));
        if (index >= sorted.size()) {
            return field;
        }
        Birth birth = sorted.get(index);
        for (int i = 0; i < inFile.size(); i++) {
            if (inFile.get(i) == birth) {
                return "births[" + i + "]" + m.group(2);
            }
        }
        return field;
    }

    private RecordFile.VisitRecord visit(JsonNode node, String path, Patient patient, Predicate<String> known) {
        Obj o = object(node, path, "a visit", "id", "updated", "date", "status", "clinician", "kind", "history",
                "symptoms", "redFlags", "pelvicFloor", "abdominalWall", "strength", "loadImpact", "outcomes",
                "programme", "notes", "extensions");
        if (o == null) {
            return null;
        }
        UUID id = o.uuid("id", true);
        Instant updated = o.timestamp("updated", false);
        LocalDate date = o.date("date", true);
        VisitStatus status = o.enumeration("status", VisitStatus.class, false);
        String clinician = o.text("clinician", false, true);
        VisitKind kind = o.enumeration("kind", VisitKind.class, false);
        History history = history(o.child("history", "history", "breastfeeding", "sleepHours", "bmi",
                "hypermobility", "psychologicalConcern", "redsConcern", "leakedBeforeOrDuringPregnancy",
                "supportDevice"));
        Symptoms symptoms = symptoms(o.child("symptoms", "symptoms", "urinaryIncontinence", "faecalIncontinence",
                "urgency", "heavinessOrBulge", "dyspareunia", "obstructedDefecation", "abdominalSeparation",
                "lumbopelvicPain", "painNrs", "runSymptomOnsetMinutes"));
        Set<RedFlag> redFlags = o.enumSet("redFlags", RedFlag.class);
        PelvicFloorExam floor = pelvicFloor(o.child("pelvicFloor", "pelvic floor", "method", "power",
                "enduranceSeconds", "repetitions", "fastContractions", "elevation", "coContraction",
                "coughPrecontraction", "relaxation", "tone", "standingSubmaxHoldSeconds", "notes"));
        AbdominalWall wall = abdominal(o.child("abdominalWall", "abdominal wall", "method", "unit", "aboveUmbilicus",
                "atUmbilicus", "belowUmbilicus", "doming", "lineaAlba"));
        Map<StrengthTest, Sides<Integer>> strength = strength(o, path);
        Map<LoadTest, LoadEntry> load = load(o, path);
        Places places = new Places();
        Outcomes outcomes = outcomes(o.child("outcomes", "outcomes", "psfs", "iciqUiSfScore", "pgiI"), places);
        Programme programme = programme(o.child("programme", "programme", "stage", "suggestedStage", "exercises",
                "walkRun", "reviewInWeeks"), places);
        String notes = o.notes("notes");
        String ext = o.extensions();
        if (id == null || date == null) {
            return null;
        }
        Visit visit = new Visit(id, patient.id(), updated == null ? patient.updated() : updated, date, status,
                clinician, kind, history, symptoms, redFlags, floor, wall, strength, load, outcomes,
                programme == null ? null : programme.stage(), notes, ext);
        for (Violation v : VisitValidator.validate(visit, today, patient.dateOfBirth())) {
            String field = places.inFile(v.field());
            error(path + "." + field, at(node, field), v.message());
        }
        if (programme != null) {
            // the plan against the format's ranges only: files exported before the plan rules still import
            for (Violation v : programme.validateAsRecorded(known)) {
                String field = places.inFile(v.field());
                error(path + "." + field, at(node, field), v.message());
            }
            if (visit.anyRedFlag()) {
                // clinical reference §7 and §9: a red flag means stop and refer, so such a visit has no
                // programme; imported, it would print as soon as the flag is cleared
                error(path + ".programme", null, "a visit with a red flag ("
                        + visit.redFlags().stream().map(Enum::name).collect(Collectors.joining(", "))
                        + ") cannot have a programme: any red flag means REFER, stop and refer, and no exercise "
                        + "programme is issued. Remove the programme from this visit, or the red flag if it was "
                        + "recorded by mistake.");
            }
        }
        return new RecordFile.VisitRecord(visit, programme);
    }

    private History history(Obj o) {
        if (o == null) {
            return null;
        }
        return new History(o.bool("breastfeeding"), o.decimal("sleepHours"), o.decimal("bmi"), o.bool("hypermobility"),
                o.bool("psychologicalConcern"), o.bool("redsConcern"), o.bool("leakedBeforeOrDuringPregnancy"),
                o.enumeration("supportDevice", SupportDevice.class, false));
    }

    private Symptoms symptoms(Obj o) {
        if (o == null) {
            return null;
        }
        return new Symptoms(o.bool("urinaryIncontinence"), o.bool("faecalIncontinence"), o.bool("urgency"),
                o.bool("heavinessOrBulge"), o.bool("dyspareunia"), o.bool("obstructedDefecation"),
                o.bool("abdominalSeparation"), o.bool("lumbopelvicPain"), o.integer("painNrs"),
                o.integer("runSymptomOnsetMinutes"));
    }

    private PelvicFloorExam pelvicFloor(Obj o) {
        if (o == null) {
            return null;
        }
        return new PelvicFloorExam(o.enumeration("method", ExamMethod.class, false), o.integer("power"),
                o.integer("enduranceSeconds"), o.integer("repetitions"), o.integer("fastContractions"),
                o.bool("elevation"), o.bool("coContraction"), o.bool("coughPrecontraction"),
                o.enumeration("relaxation", Relaxation.class, false), o.enumeration("tone", Tone.class, false),
                o.integer("standingSubmaxHoldSeconds"), o.notes("notes"));
    }

    private AbdominalWall abdominal(Obj o) {
        if (o == null) {
            return null;
        }
        return new AbdominalWall(o.enumeration("method", AbdominalMethod.class, false),
                o.enumeration("unit", IrdUnit.class, false), o.decimal("aboveUmbilicus"), o.decimal("atUmbilicus"),
                o.decimal("belowUmbilicus"), o.bool("doming"), o.enumeration("lineaAlba", LineaAlba.class, false));
    }

    private Map<StrengthTest, Sides<Integer>> strength(Obj visit, String path) {
        Map<StrengthTest, Sides<Integer>> map = new EnumMap<>(StrengthTest.class);
        Obj o = visit.child("strength", "strength tests", names(StrengthTest.values()));
        if (o == null) {
            return map;
        }
        for (StrengthTest test : StrengthTest.values()) {
            Obj sides = o.child(test.name(), "sides", "left", "right");
            if (sides != null) {
                Integer left = sides.integer("left");
                Integer right = sides.integer("right");
                if (left != null || right != null) {
                    map.put(test, Sides.of(left, right));
                }
            }
        }
        return map;
    }

    private Map<LoadTest, LoadEntry> load(Obj visit, String path) {
        Map<LoadTest, LoadEntry> map = new EnumMap<>(LoadTest.class);
        Obj o = visit.child("loadImpact", "load and impact tests", names(LoadTest.values()));
        if (o == null) {
            return map;
        }
        for (LoadTest test : LoadTest.values()) {
            if (test.oneSided()) {
                Obj sides = o.child(test.name(), "sides", "left", "right");
                if (sides != null) {
                    LoadResult left = result(sides.child("left", "a result", "status", "symptoms"));
                    LoadResult right = result(sides.child("right", "a result", "status", "symptoms"));
                    map.put(test, new LoadEntry.PerSide(Sides.of(left, right)));
                }
            } else {
                LoadResult result = result(o.child(test.name(), "a result", "status", "symptoms"));
                if (result != null) {
                    map.put(test, new LoadEntry.Whole(result));
                }
            }
        }
        return map;
    }

    private LoadResult result(Obj o) {
        if (o == null) {
            return null;
        }
        TestStatus status = o.enumeration("status", TestStatus.class, true);
        Set<TestSymptom> symptoms = o.enumSet("symptoms", TestSymptom.class);
        return status == null ? null : new LoadResult(status, symptoms);
    }

    private Outcomes outcomes(Obj o, Places places) {
        if (o == null) {
            return null;
        }
        List<PsfsItem> psfs = new ArrayList<>();
        o.list("psfs", false, (item, itemPath) -> {
            Obj p = object(item, itemPath, "a PSFS activity", "activity", "score");
            if (p != null) {
                psfs.add(new PsfsItem(p.text("activity", false, true), p.integer("score")));
                places.kept("outcomes.psfs", itemPath);
            }
        });
        return new Outcomes(psfs, o.integer("iciqUiSfScore"), o.integer("pgiI"));
    }

    private Programme programme(Obj o, Places places) {
        if (o == null) {
            return null;
        }
        Stage stage = o.enumeration("stage", Stage.class, true);
        SuggestedStage suggested = o.enumeration("suggestedStage", SuggestedStage.class, false);
        List<ProgrammeItem> items = new ArrayList<>();
        o.list("exercises", false, (item, itemPath) -> {
            Obj e = object(item, itemPath, "a programme exercise", "exercise", "sets", "reps", "holdSeconds",
                    "timesPerDay", "daysPerWeek", "notes");
            if (e != null) {
                String code = e.text("exercise", true, false);
                Integer sets = e.integer("sets");
                Integer reps = e.integer("reps");
                Integer hold = e.integer("holdSeconds");
                Integer perDay = e.integer("timesPerDay");
                Integer perWeek = e.integer("daysPerWeek");
                for (String field : List.of("sets", "reps", "holdSeconds", "timesPerDay", "daysPerWeek")) {
                    if (e.absent(field)) {
                        error(itemPath + "." + field, null, "is missing: each exercise of a programme has its dose.");
                    }
                }
                if (code != null && sets != null && reps != null && hold != null && perDay != null && perWeek != null) {
                                        // record format v1 carries no reasons: the programme came from a file
                    items.add(new ProgrammeItem(code, new Dose(sets, reps, hold, perDay, perWeek), e.notes("notes"),
                            List.of(Reasons.IMPORTED)));
                    places.kept("programme.exercises", itemPath);
                }
            }
        });
        List<WalkRunWeek> weeks = new ArrayList<>();
        o.list("walkRun", false, (item, itemPath) -> {
            Obj w = object(item, itemPath, "a walk-run week", "week", "sessionsPerWeek", "runSeconds", "walkSeconds",
                    "repeats");
            if (w != null) {
                Integer week = w.integer("week");
                Integer sessions = w.integer("sessionsPerWeek");
                Integer run = w.integer("runSeconds");
                Integer walk = w.integer("walkSeconds");
                Integer repeats = w.integer("repeats");
                for (String field : List.of("week", "sessionsPerWeek", "runSeconds", "walkSeconds", "repeats")) {
                    if (w.absent(field)) {
                        error(itemPath + "." + field, null, "is missing: each week of the walk-run plan has it.");
                    }
                }
                if (week != null && sessions != null && run != null && walk != null && repeats != null) {
                    weeks.add(new WalkRunWeek(week, sessions, run, walk, repeats));
                    places.kept("programme.walkRun", itemPath);
                }
            }
        });
        Integer review = o.integer("reviewInWeeks");
        return stage == null ? null : new Programme(stage, suggested, items, weeks, review);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    // --- errors ---------------------------------------------------------------------------------

    /**
     * Fields whose value identifies the patient or is about her, and list items that should have been
     * objects holding such fields (a birth written as a bare date): an error names the place, never the
     * value (a date of birth or phone number would otherwise pass as a code or date).
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(^|\\.)(givenName|familyName|dateOfBirth|phone|email|goal|notes|clinician|activity)$"
                    + "|births\\[\\d+\\](\\.date)?$|(^|\\.)(patients|visits|psfs)\\[\\d+\\]$");

    private void error(String path, JsonNode value, String rule) {
        errorCount++;
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        String shown = value == null || PERSONAL.matcher(path).find() ? "" : show(value);
        boolean named = !shown.isEmpty() && rule.contains(shown.replace("\"", ""));
        errors.add(path + ": " + (shown.isEmpty() || named ? rule : shown + " " + rule));
    }

    /**
     * The value as JSON, short; text is shown only when it is a code, a date or an enumeration
     * word (never free text, which may be a name or notes).
     */
    private static String show(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            if (text.length() <= 40 && text.matches("[A-Za-z0-9_:+.\\-/]*")) {
                return "\"" + text + "\"";
            }
            return "(text of " + text.codePointCount(0, text.length()) + " characters)";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "(a list)" : "(an object)";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The node at a path relative to {@code node} ("pelvicFloor.power", "births[0].date"), if any. */
    private static JsonNode at(JsonNode node, String relative) {
        JsonNode current = node;
        for (String part : relative.split("\\.")) {
            if (current == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            current = current.get(name);
            while (current != null && bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    return null;
                }
                try {
                    current = current.get(Integer.parseInt(part.substring(bracket + 1, close)));
                } catch (NumberFormatException e) {
                    return null;
                }
                bracket = part.indexOf('[', close);
            }
        }
        return current == null || current.isContainerNode() ? null : current;
    }

    private Obj object(JsonNode node, String path, String what, String... fields) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            if (path.isEmpty()) {
                errors.add("The file should hold one JSON object {…} starting with \"format\": \"" + FORMAT
                        + "\"; this is not a Rebound record file.");
                errorCount++;
            } else {
                error(path, node, "should be " + what + " (a JSON object {…}).");
            }
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(fields));
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(join(path, name), null, "is not a field of " + what + " in this format (a typo would lose "
                        + "data, so the file is refused). The fields are: " + String.join(", ", allowed) + ".");
            }
        }
        return new Obj(node, path);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private interface Each {
        void accept(JsonNode node, String path);
    }

    /**
     * Where the items read from a list were in the file. An item that cannot be read is reported and
     * left out, so the rules checked afterwards count the items that were read; their errors name the
     * item's place in the file instead ({@code exercises[1]}, not {@code exercises[0]}, when the first
     * exercise could not be read).
     */
    private static final class Places {
        private final Map<String, List<Integer>> byList = new HashMap<>();

        /** The next item read into {@code list} ("programme.exercises") is the one at {@code itemPath}. */
        void kept(String list, String itemPath) {
            int open = itemPath.lastIndexOf('[');
            byList.computeIfAbsent(list, k -> new ArrayList<>())
                    .add(Integer.parseInt(itemPath.substring(open + 1, itemPath.length() - 1)));
        }

        /** {@code field} ("programme.exercises[0].reps") with the item's place in the file. */
        String inFile(String field) {
            for (Map.Entry<String, List<Integer>> list : byList.entrySet()) {
                String prefix = list.getKey() + "[";
                if (field.startsWith(prefix)) {
                    int close = field.indexOf(']', prefix.length());
                    int read = Integer.parseInt(field.substring(prefix.length(), close));
                    if (read < list.getValue().size()) {
                        return prefix + list.getValue().get(read) + field.substring(close);
                    }
                }
            }
            return field;
        }
    }

    /** An object of the file being read, with typed getters that report what is wrong. */
    private final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private JsonNode get(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        boolean absent(String name) {
            return get(name) == null;
        }

        boolean required(String name) {
            if (get(name) == null) {
                error(join(path, name), null, "is missing; it is required.");
                return false;
            }
            return true;
        }

        Obj child(String name, String what, String... fields) {
            return object(get(name), join(path, name), what, fields);
        }

        String text(String name, boolean required, boolean normalize) {
            JsonNode value = get(name);
            if (value == null) {
                if (required) {
                    error(join(path, name), null, "is missing; it is required.");
                }
                return null;
            }
            if (!value.isTextual()) {
                error(join(path, name), value, "should be text in quotes.");
                return null;
            }
            if (!controlFree(join(path, name), value.asText())) {
                return null;
            }
            return normalize ? Normalizer.normalize(value.asText(), Normalizer.Form.NFC) : value.asText();
        }

        /** Text may hold tabs and line breaks, no other control character (PostgreSQL refuses U+0000), no half character. */
        private boolean controlFree(String at, String text) {
            int control = TextNormalization.firstControl(text);
            if (control >= 0 && Character.isSurrogate((char) control)) {
                error(at, null, String.format("holds half of a character (U+%04X, a surrogate without its pair),"
                        + " which no text can keep; remove it from the file.", control));
                return false;
            }
            if (control >= 0) {
                error(at, null, String.format("holds an invisible control character (U+%04X), which Rebound does not"
                        + " keep; remove it from the file.", control));
                return false;
            }
            return true;
        }

        String notes(String name) {
            return text(name, false, true);
        }

        List<String> texts(String name) {
            List<String> texts = new ArrayList<>();
            list(name, false, (item, itemPath) -> {
                if (!item.isTextual()) {
                    error(itemPath, item, "should be text in quotes.");
                } else if (!item.asText().isBlank() && controlFree(itemPath, item.asText())) {
                    // an empty step or cue says nothing: left out, as export leaves it out
                    texts.add(Normalizer.normalize(item.asText(), Normalizer.Form.NFC));
                }
            });
            return texts;
        }

        Boolean bool(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                error(join(path, name), value, "should be true or false.");
                return null;
            }
            return value.booleanValue();
        }

        Integer integer(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(join(path, name), value, "should be a whole number.");
                return null;
            }
            BigDecimal number = value.decimalValue();
            if (number.stripTrailingZeros().scale() > 0 || value.isFloatingPointNumber()) {
                error(join(path, name), value, "should be a whole number, written without a decimal point.");
                return null;
            }
            if (number.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                error(join(path, name), value, "is far outside what this field can hold.");
                return null;
            }
            return number.intValueExact();
        }

        BigDecimal decimal(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(join(path, name), value, "should be a number.");
                return null;
            }
            BigDecimal number = value.decimalValue();
            if (number.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                error(join(path, name), value, "is far outside what this field can hold.");
                return null;
            }
            return number;
        }

        UUID uuid(String name, boolean required) {
            String text = text(name, required, false);
            if (text == null) {
                return null;
            }
            try {
                UUID id = UUID.fromString(text);
                if (!id.toString().equals(text.toLowerCase(Locale.ROOT)) || text.length() != 36) {
                    throw new IllegalArgumentException();
                }
                return id;
            } catch (IllegalArgumentException e) {
                error(join(path, name), node.get(name), "is not a UUID (like \"6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60\").");
                return null;
            }
        }

        LocalDate date(String name, boolean required) {
            String text = text(name, required, false);
            if (text == null) {
                return null;
            }
            try {
                if (text.length() != 10) {
                    throw new DateTimeParseException("length", text, 0);
                }
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(join(path, name), node.get(name), "is not a date written YYYY-MM-DD.");
                return null;
            }
        }

        Instant timestamp(String name, boolean required) {
            String text = text(name, required, false);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                error(join(path, name), node.get(name), "is not a timestamp like \"2026-11-21T10:15:00Z\".");
                return null;
            }
        }

        <E extends Enum<E>> E enumeration(String name, Class<E> type, boolean required) {
            JsonNode value = get(name);
            if (value == null) {
                if (required) {
                    error(join(path, name), null, "is missing; it is required.");
                }
                return null;
            }
            return word(value, join(path, name), type);
        }

        private <E extends Enum<E>> E word(JsonNode value, String at, Class<E> type) {
            if (value.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(value.asText())) {
                        return constant;
                    }
                }
            }
            error(at, value, "is not one of " + String.join(", ", names(type.getEnumConstants())) + ".");
            return null;
        }

        /** A list of enumeration words; absent is null (not asked), [] is empty. */
        <E extends Enum<E>> Set<E> enumSet(String name, Class<E> type) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            Set<E> set = EnumSet.noneOf(type);
            list(name, false, (item, itemPath) -> {
                E word = word(item, itemPath, type);
                if (word != null) {
                    set.add(word);
                }
            });
            return set;
        }

        void list(String name, boolean required, Each each) {
            JsonNode value = get(name);
            if (value == null) {
                if (required) {
                    error(join(path, name), null, "is missing; it is required (it may be an empty list []).");
                }
                return;
            }
            if (!value.isArray()) {
                error(join(path, name), value, "should be a list […].");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                each.accept(value.get(i), join(path, name) + "[" + i + "]");
            }
        }

        /** The extensions object's text exactly as written in the file. */
        String extensions() {
            JsonNode value = get("extensions");
            if (value == null) {
                return null;
            }
            if (!value.isObject()) {
                error(join(path, "extensions"), value, "should be an object {…}.");
                return null;
            }
            String raw = extensions.get(value);
            if (raw != null && raw.length() > EXTENSIONS_MAX_LENGTH) {
                error(join(path, "extensions"), null, "holds " + raw.length() + " characters; at most "
                        + EXTENSIONS_MAX_LENGTH + " are kept.");
                return null;
            }
            return raw;
        }
    }
}
