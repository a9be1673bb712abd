package app.rebound.domain.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One visit's in-clinic assessment. A section or field that was not assessed is null (or empty);
 * it is never zero. {@code redFlags} null means the question was not asked, empty means none.
 * {@code stage} is the stage the clinician chose (null: she follows the suggestion), and
 * {@code stageReason} why she chose it when it is ahead of the suggestion (see {@link StageChoice});
 * the record format has no field for it, so it stays in this clinic's records.
 */
public record Visit(
        UUID id,
        UUID patientId,
        Instant updated,
        LocalDate date,
        VisitStatus status,
        String clinician,
        VisitKind kind,
        History history,
        Symptoms symptoms,
        Set<RedFlag> redFlags,
        PelvicFloorExam pelvicFloor,
        AbdominalWall abdominalWall,
        Map<StrengthTest, Sides<Integer>> strength,
        Map<LoadTest, LoadEntry> loadImpact,
        Outcomes outcomes,
        Stage stage,
        String stageReason,
        String notes,
        String extensions) {

    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(date, "date");
        status = status == null ? VisitStatus.DRAFT : status;
        history = history == null ? History.EMPTY : history;
        symptoms = symptoms == null ? Symptoms.EMPTY : symptoms;
        redFlags = redFlags == null ? null
                : redFlags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(redFlags));
        pelvicFloor = pelvicFloor == null ? PelvicFloorExam.EMPTY : pelvicFloor;
        abdominalWall = abdominalWall == null ? AbdominalWall.EMPTY : abdominalWall;
        strength = strength == null ? Map.of() : Collections.unmodifiableMap(copy(strength, StrengthTest.class));
        loadImpact = loadImpact == null ? Map.of() : Collections.unmodifiableMap(copy(recorded(loadImpact), LoadTest.class));
        outcomes = outcomes == null ? Outcomes.EMPTY : outcomes;
        stageReason = stageReason == null || stageReason.isBlank() ? null : stageReason;
    }

    /** A visit without a reason for its stage (a visit read from a record file, or one that needs none). */
    public Visit(UUID id, UUID patientId, Instant updated, LocalDate date, VisitStatus status, String clinician,
            VisitKind kind, History history, Symptoms symptoms, Set<RedFlag> redFlags, PelvicFloorExam pelvicFloor,
            AbdominalWall abdominalWall, Map<StrengthTest, Sides<Integer>> strength, Map<LoadTest, LoadEntry> loadImpact,
            Outcomes outcomes, Stage stage, String notes, String extensions) {
        this(id, patientId, updated, date, status, clinician, kind, history, symptoms, redFlags, pelvicFloor,
                abdominalWall, strength, loadImpact, outcomes, stage, null, notes, extensions);
    }

    /** A new, empty draft for the day. */
    public static Visit draft(UUID patientId, LocalDate date, VisitKind kind) {
        return new Visit(UUID.randomUUID(), patientId, Instant.EPOCH, date, VisitStatus.DRAFT, null, kind, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** A load entry with no result on any side is "not tested": it is left out, as the record format does. */
    private static Map<LoadTest, LoadEntry> recorded(Map<LoadTest, LoadEntry> entries) {
        Map<LoadTest, LoadEntry> kept = new EnumMap<>(LoadTest.class);
        entries.forEach((test, entry) -> {
            if (entry instanceof LoadEntry.Whole whole && whole.result() != null && whole.result().recorded()) {
                kept.put(test, entry);
            } else if (entry instanceof LoadEntry.PerSide per && per.sides() != null) {
                LoadResult left = per.sides().left() != null && per.sides().left().recorded() ? per.sides().left() : null;
                LoadResult right = per.sides().right() != null && per.sides().right().recorded()
                        ? per.sides().right() : null;
                if (left != null || right != null) {
                    kept.put(test, new LoadEntry.PerSide(new Sides<>(left, right)));
                }
            }
        });
        return kept;
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> source, Class<K> type) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        source.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    public Sides<Integer> strength(StrengthTest test) {
        return strength.getOrDefault(test, new Sides<>(null, null));
    }

    public boolean anyRedFlag() {
        return redFlags != null && !redFlags.isEmpty();
    }

    public Visit withStatus(VisitStatus value) {
        return new Visit(id, patientId, updated, date, value, clinician, kind, history, symptoms, redFlags,
                pelvicFloor, abdominalWall, strength, loadImpact, outcomes, stage, stageReason, notes, extensions);
    }

    public Visit withUpdated(Instant value) {
        return new Visit(id, patientId, value, date, status, clinician, kind, history, symptoms, redFlags,
                pelvicFloor, abdominalWall, strength, loadImpact, outcomes, stage, stageReason, notes, extensions);
    }

    /** The stage the clinician chose (null: the suggestion) and why, when it is ahead of the suggestion. */
    public Visit withStage(Stage value, String reason) {
        return new Visit(id, patientId, updated, date, status, clinician, kind, history, symptoms, redFlags,
                pelvicFloor, abdominalWall, strength, loadImpact, outcomes, value, reason, notes, extensions);
    }

    public Visit withClinician(String value) {
        return new Visit(id, patientId, updated, date, status, value, kind, history, symptoms, redFlags,
                pelvicFloor, abdominalWall, strength, loadImpact, outcomes, stage, stageReason, notes, extensions);
    }

    /** A builder starting from this visit: each part of a form sets its part, then {@link Builder#build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a visit part by part (the visit form's sections each set theirs). */
    public static final class Builder {
        private final Visit from;
        private LocalDate date;
        private VisitStatus status;
        private VisitKind kind;
        private History history;
        private Symptoms symptoms;
        private Set<RedFlag> redFlags;
        private PelvicFloorExam pelvicFloor;
        private AbdominalWall abdominalWall;
        private Map<StrengthTest, Sides<Integer>> strength;
        private Map<LoadTest, LoadEntry> loadImpact;
        private Outcomes outcomes;
        private Stage stage;
        private String stageReason;
        private String notes;

        private Builder(Visit from) {
            this.from = from;
            date = from.date;
            status = from.status;
            kind = from.kind;
            history = from.history;
            symptoms = from.symptoms;
            redFlags = from.redFlags;
            pelvicFloor = from.pelvicFloor;
            abdominalWall = from.abdominalWall;
            strength = from.strength;
            loadImpact = from.loadImpact;
            outcomes = from.outcomes;
            stage = from.stage;
            stageReason = from.stageReason;
            notes = from.notes;
        }

        public Builder date(LocalDate value) { date = value; return this; }
        public Builder status(VisitStatus value) { status = value; return this; }
        public Builder kind(VisitKind value) { kind = value; return this; }
        public Builder history(History value) { history = value; return this; }
        public Builder symptoms(Symptoms value) { symptoms = value; return this; }
        /** Null: not asked; empty: asked, none present. */
        public Builder redFlags(Set<RedFlag> value) { redFlags = value; return this; }
        public Builder pelvicFloor(PelvicFloorExam value) { pelvicFloor = value; return this; }
        public Builder abdominalWall(AbdominalWall value) { abdominalWall = value; return this; }
        public Builder strength(Map<StrengthTest, Sides<Integer>> value) { strength = value; return this; }
        public Builder loadImpact(Map<LoadTest, LoadEntry> value) { loadImpact = value; return this; }
        public Builder outcomes(Outcomes value) { outcomes = value; return this; }
        public Builder stage(Stage value, String reason) { stage = value; stageReason = reason; return this; }
        public Builder notes(String value) { notes = value; return this; }

        /** The visit; its id, patient, clinician, time stamp and extensions are those it started from. */
        public Visit build() {
            return new Visit(from.id, from.patientId, from.updated, date, status, from.clinician, kind, history,
                    symptoms, redFlags, pelvicFloor, abdominalWall, strength, loadImpact, outcomes, stage, stageReason,
                    notes, from.extensions);
        }
    }
}
