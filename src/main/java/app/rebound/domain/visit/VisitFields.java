package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.rebound.domain.FieldDifference;
import app.rebound.domain.Messages;

/**
 * The fields of a visit in the clinician's words: each record-format path ("pelvicFloor.power") with the
 * label the visit form gives it ("Power (MOS)"), and each value as she reads it ("Yes", "not recorded"),
 * so an amendment can say "Urinary incontinence: No → Yes".
 */
public final class VisitFields {

    private static final Map<String, String> LABEL_KEYS = Map.ofEntries(
            Map.entry("date", "visit.field.date"),
            Map.entry("kind", "visit.field.kind"),
            Map.entry("clinician", "visit.field.clinician"),
            Map.entry("notes", "visit.field.notes"),
            Map.entry("stage", "readiness.choice"),
            Map.entry("stageReason", "visit.field.stageReason"),
            Map.entry("redFlags", "visit.section.redFlags"),
            Map.entry("history.breastfeeding", "visit.field.breastfeeding"),
            Map.entry("history.sleepHours", "visit.field.sleepHours"),
            Map.entry("history.bmi", "visit.field.bmi"),
            Map.entry("history.hypermobility", "visit.field.hypermobility"),
            Map.entry("history.psychologicalConcern", "visit.field.psychologicalConcern"),
            Map.entry("history.redsConcern", "visit.field.redsConcern"),
            Map.entry("history.leakedBeforeOrDuringPregnancy", "visit.field.leakedBefore"),
            Map.entry("history.supportDevice", "visit.field.supportDevice"),
            Map.entry("symptoms.urinaryIncontinence", "symptom.0"),
            Map.entry("symptoms.faecalIncontinence", "symptom.1"),
            Map.entry("symptoms.urgency", "symptom.2"),
            Map.entry("symptoms.heavinessOrBulge", "symptom.3"),
            Map.entry("symptoms.dyspareunia", "symptom.4"),
            Map.entry("symptoms.obstructedDefecation", "symptom.5"),
            Map.entry("symptoms.abdominalSeparation", "symptom.6"),
            Map.entry("symptoms.lumbopelvicPain", "symptom.7"),
            Map.entry("symptoms.painNrs", "visit.field.painNrs"),
            Map.entry("symptoms.runSymptomOnsetMinutes", "visit.field.runOnset"),
            Map.entry("pelvicFloor.method", "visit.field.method"),
            Map.entry("pelvicFloor.power", "visit.field.power"),
            Map.entry("pelvicFloor.enduranceSeconds", "visit.field.endurance"),
            Map.entry("pelvicFloor.repetitions", "visit.field.repetitions"),
            Map.entry("pelvicFloor.fastContractions", "visit.field.fast"),
            Map.entry("pelvicFloor.elevation", "visit.field.elevation"),
            Map.entry("pelvicFloor.coContraction", "visit.field.coContraction"),
            Map.entry("pelvicFloor.coughPrecontraction", "visit.field.knack"),
            Map.entry("pelvicFloor.relaxation", "visit.field.relaxation"),
            Map.entry("pelvicFloor.tone", "visit.field.tone"),
            Map.entry("pelvicFloor.standingSubmaxHoldSeconds", "visit.field.standingHold"),
            Map.entry("pelvicFloor.notes", "visit.field.floorNotes"),
            Map.entry("abdominalWall.method", "visit.field.abdominalMethod"),
            Map.entry("abdominalWall.unit", "visit.field.irdUnit"),
            Map.entry("abdominalWall.aboveUmbilicus", "visit.field.above"),
            Map.entry("abdominalWall.atUmbilicus", "visit.field.at"),
            Map.entry("abdominalWall.belowUmbilicus", "visit.field.below"),
            Map.entry("abdominalWall.doming", "visit.field.doming"),
            Map.entry("abdominalWall.lineaAlba", "visit.field.lineaAlba"),
            Map.entry("outcomes.psfs", "visit.field.psfs"),
            Map.entry("outcomes.iciqUiSfScore", "visit.field.iciq"),
            Map.entry("outcomes.pgiI", "visit.field.pgiI"));

    /** A long text is shortened to this many characters in an amendment's words (the whole is kept). */
    private static final int SHOWN_TEXT = 120;

    private VisitFields() {
    }

    /**
     * The label the form gives the field at {@code path}: "Power (MOS)", "Urinary incontinence", "Single leg
     * bridge", "Single leg bridge left"; the path itself for one it does not know.
     */
    public static String label(String path) {
        String key = LABEL_KEYS.get(path);
        if (key != null) {
            return Messages.get(key);
        }
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && (parts[0].equals("strength") || parts[0].equals("loadImpact"))) {
            try {
                Enum<?> test = parts[0].equals("strength") ? StrengthTest.valueOf(parts[1]) : LoadTest.valueOf(parts[1]);
                return parts.length == 2 ? Messages.name(test)
                        : Messages.name(test) + " " + Messages.get(parts[2].equals("left") ? "visit.left" : "visit.right");
            } catch (IllegalArgumentException e) {
                return path;
            }
        }
        if (path.startsWith("outcomes.psfs[")) {
            int end = path.indexOf(']');
            try {
                int index = Integer.parseInt(path.substring("outcomes.psfs[".length(), end));
                return Messages.format("visit.psfs.activity", index + 1);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return path;
            }
        }
        return path;
    }

    /** What the field at {@code path} holds in {@code visit}, in the clinician's words. */
    public static String words(Visit visit, String path) {
        return words(visit, path, false);
    }

    /**
     * Field by field, where her visit as typed ({@code mine}) differs from the one saved on another
     * workstation meanwhile ({@code theirs}): each with its label and both values in words, texts in full (she
     * chooses between them). In the order of {@link VisitDiff#changedFields}.
     */
    public static List<FieldDifference> differences(Visit mine, Visit theirs) {
        return VisitDiff.changedFields(theirs, mine).stream()
                .map(path -> new FieldDifference(path, label(path), words(mine, path, true), words(theirs, path, true)))
                .toList();
    }

    private static String words(Visit visit, String path, boolean full) {
        Object value = VisitDiff.valueAt(visit, path);
        if (value == null && path.equals("redFlags")) {
            return Messages.get("amend.notAsked");
        }
        if (value == null && path.equals("stage")) {
            return Messages.get("readiness.choice.follow");
        }
        if (full && value instanceof String text) {
            return text;
        }
        return words(value);
    }

    /** A change of one field from {@code before} to {@code after}: its label, and each value in words. */
    public static Amendment.Change change(String path, Visit before, Visit after) {
        return new Amendment.Change(path, label(path), words(before, path), words(after, path));
    }

    /** The changes from {@code before} to {@code after} of the fields at {@code paths}. */
    public static List<Amendment.Change> changes(Collection<String> paths, Visit before, Visit after) {
        return paths.stream().map(path -> change(path, before, after)).toList();
    }

    private static String words(Object value) {
        if (value == null) {
            return Messages.get("value.notRecordedShort");
        }
        if (value instanceof Boolean yes) {
            return Messages.get(yes ? "value.yes" : "value.no");
        }
        if (value instanceof Enum<?> named) {
            return Messages.name(named);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(date);
        }
        if (value instanceof Sides<?> sides) {
            return Messages.format("amend.sides", words(sides.left()), words(sides.right()));
        }
        if (value instanceof LoadEntry.Whole whole) {
            return words(whole.result());
        }
        if (value instanceof LoadEntry.PerSide per) {
            return words(per.sides());
        }
        if (value instanceof LoadResult result) {
            return result.symptoms().isEmpty() ? Messages.name(result.status())
                    : Messages.name(result.status()) + " (" + result.symptoms().stream().map(Messages::name)
                            .collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof PsfsItem item) {
            return (item.activity() == null ? "" : item.activity()) + " " + words(item.score());
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? Messages.get("amend.none") : collection.stream().map(VisitFields::words)
                    .sorted().collect(Collectors.joining(", "));
        }
        if (value instanceof String text) {
            String shown = text.codePointCount(0, text.length()) > SHOWN_TEXT
                    ? text.substring(0, text.offsetByCodePoints(0, SHOWN_TEXT)) + "…" : text;
            return "“" + shown.replace('\n', ' ') + "”";
        }
        return String.valueOf(value);
    }
}
