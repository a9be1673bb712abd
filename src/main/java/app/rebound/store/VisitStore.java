package app.rebound.store;

import static app.rebound.store.jooq.Tables.PATIENT;
import static app.rebound.store.jooq.Tables.VISIT;
import static app.rebound.store.jooq.Tables.VISIT_AMENDMENT;
import static app.rebound.store.jooq.Tables.VISIT_LOAD;
import static app.rebound.store.jooq.Tables.VISIT_PSFS;
import static app.rebound.store.jooq.Tables.VISIT_RED_FLAG;
import static app.rebound.store.jooq.Tables.VISIT_STRENGTH;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.Amendment;
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
import app.rebound.domain.visit.VisitSummary;
import app.rebound.store.jooq.tables.records.VisitRecord;

/** Visits and their assessment sections. Each save is one transaction, on disk when it returns. */
public final class VisitStore {

    private static final String WHOLE = "WHOLE";

    private final DSLContext dsl;

    public VisitStore(Database database) {
        this.dsl = database.dsl();
    }

    static final RowVersions.Columns VERSIONS = new RowVersions.Columns(VISIT, VISIT.ROW_VERSION, VISIT.CHANGED_BY,
            VISIT.CHANGED_AT, "visit");

    /**
     * Saves the visit as {@code change} says it was edited: refused with {@link ConcurrentChangeException},
     * writing nothing, when another save came in since the version it started from. Returns the version
     * saved, which the next save of this visit starts from.
     */
    public long save(Visit visit, SuggestedStage suggested, AlsoInTransaction also, Change change) {
        long[] saved = new long[1];
        also.around(() -> dsl.transaction(configuration -> {
            saved[0] = write(configuration.dsl(), visit, suggested, change);
            also.within(configuration.dsl());
        }));
        return saved[0];
    }

    /** The version of the visit stored now, {@link Change#NEW} when there is none. */
    public long version(UUID id) {
        return RowVersions.stored(dsl, VERSIONS, VISIT.ID.eq(id));
    }

    /** The visit with the version a checked save of it starts from. */
    public Optional<Versioned<Visit>> findVersioned(UUID id) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            long version = RowVersions.stored(tx, VERSIONS, VISIT.ID.eq(id));
            return version == Change.NEW ? Optional.<Versioned<Visit>>empty()
                    : new VisitStore(tx).find(id).map(visit -> new Versioned<>(visit, version));
        });
    }

    private VisitStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds or replaces the visit, with the suggestion of the moment kept beside the clinician's choice. */
    public void save(Visit visit, SuggestedStage suggested) {
        save(visit, suggested, AlsoInTransaction.NOTHING);
    }

    /** As {@link #save(Visit, SuggestedStage)}, with {@code also} (its audit row) in the same transaction. */
    public void save(Visit visit, SuggestedStage suggested, AlsoInTransaction also) {
        also.around(() -> dsl.transaction(configuration -> {
            write(configuration.dsl(), visit, suggested);
            also.within(configuration.dsl());
        }));
    }

    /**
     * Saves a change to a completed visit together with the record of who changed what. Saves with
     * the same {@code amendmentId} (one sitting of amending) add their fields to one amendment.
     */
    public void saveAmended(Visit visit, SuggestedStage suggested, Amendment amendment, UUID amendmentId) {
        saveAmended(visit, suggested, amendment, amendmentId, AlsoInTransaction.NOTHING);
    }

    /**
     * As {@link #saveAmended(Visit, SuggestedStage, Amendment, UUID)}, with {@code also} (its audit row) in the
     * same transaction: the change, its amendment and its row in the trail commit together or not at all.
     */
    public void saveAmended(Visit visit, SuggestedStage suggested, Amendment amendment, UUID amendmentId,
            AlsoInTransaction also) {
        also.around(() -> dsl.transaction(configuration -> {
            amend(configuration.dsl(), visit, suggested, amendment, amendmentId, null);
            also.within(configuration.dsl());
        }));
    }

    /** As {@link #saveAmended(Visit, SuggestedStage, Amendment, UUID)}, checked as {@link #save} checks. */
    public long saveAmended(Visit visit, SuggestedStage suggested, Amendment amendment, UUID amendmentId,
            Change change) {
        return saveAmended(visit, suggested, amendment, amendmentId, AlsoInTransaction.NOTHING, change);
    }

    /** As {@link #saveAmended(Visit, SuggestedStage, Amendment, UUID, Change)}, with {@code also} in its transaction. */
    public long saveAmended(Visit visit, SuggestedStage suggested, Amendment amendment, UUID amendmentId,
            AlsoInTransaction also, Change change) {
        long[] saved = new long[1];
        also.around(() -> dsl.transaction(configuration -> {
            saved[0] = amend(configuration.dsl(), visit, suggested, amendment, amendmentId, change);
            also.within(configuration.dsl());
        }));
        return saved[0];
    }

    private static long amend(DSLContext tx, Visit visit, SuggestedStage suggested, Amendment amendment,
            UUID amendmentId, Change change) {
        long saved = write(tx, visit, suggested, change);
        var existing = tx.selectFrom(VISIT_AMENDMENT).where(VISIT_AMENDMENT.ID.eq(amendmentId)).fetchOne();
        if (existing == null) {
            tx.insertInto(VISIT_AMENDMENT, VISIT_AMENDMENT.ID, VISIT_AMENDMENT.VISIT_ID, VISIT_AMENDMENT.AMENDED_AT,
                            VISIT_AMENDMENT.CLINICIAN, VISIT_AMENDMENT.FIELDS, VISIT_AMENDMENT.PREVIOUS_VALUES,
                            VISIT_AMENDMENT.REASON, VISIT_AMENDMENT.FIELD_CHANGES)
                    .values(amendmentId, visit.id(), PatientStore.toOffset(amendment.at()), amendment.clinician(),
                            String.join(",", amendment.fields()), encode(amendment.previous()),
                            amendment.reason(), encodeChanges(amendment.changes()))
                    .execute();
        } else {
            Set<String> fields = new TreeSet<>(Arrays.asList(existing.getFields().split(",")));
            fields.addAll(amendment.fields());
            existing.setFields(String.join(",", fields));
            // the first change of a sitting knows what the field held before; later ones keep it
            Map<String, String> previous = new LinkedHashMap<>(decode(existing.getPreviousValues()));
            amendment.previous().forEach(previous::putIfAbsent);
            existing.setPreviousValues(encode(previous));
            // each field's change runs from what it held before the sitting to what it holds now
            Map<String, Amendment.Change> changes = new LinkedHashMap<>();
            decodeChanges(existing.getFieldChanges()).forEach(kept -> changes.put(kept.path(), kept));
            for (Amendment.Change now : amendment.changes()) {
                Amendment.Change first = changes.get(now.path());
                changes.put(now.path(), first == null ? now
                        : new Amendment.Change(now.path(), now.label(), first.before(), now.after()));
            }
            changes.values().removeIf(back -> back.before().equals(back.after()));
            existing.setFieldChanges(encodeChanges(List.copyOf(changes.values())));
            if (existing.getReason() == null) {
                existing.setReason(amendment.reason());
            }
            existing.setAmendedAt(PatientStore.toOffset(amendment.at()));
            existing.store();
        }
        return saved;
    }

    static void write(DSLContext tx, Visit visit, SuggestedStage suggested) {
        write(tx, visit, suggested, null);
    }

    static long write(DSLContext tx, Visit visit, SuggestedStage suggested, Change change) {
        long version = RowVersions.next(tx, VERSIONS, VISIT.ID.eq(visit.id()), change);
        VisitRecord row = row(tx, visit, suggested);
        row.setRowVersion(version);
        row.setChangedBy(change == null ? null : change.by());
        row.setChangedAt(change == null ? null : PatientStore.toOffset(change.at()));
        // her last visit changes only with a new visit or a new date (not as the form saves what is typed)
        LocalDate dateBefore = tx.select(VISIT.VISIT_DATE).from(VISIT).where(VISIT.ID.eq(visit.id()))
                .fetchOne(VISIT.VISIT_DATE);
        if (dateBefore != null) {
            tx.executeUpdate(row);
        } else {
            tx.executeInsert(row);
        }
        UUID id = visit.id();
        tx.deleteFrom(VISIT_RED_FLAG).where(VISIT_RED_FLAG.VISIT_ID.eq(id)).execute();
        tx.deleteFrom(VISIT_STRENGTH).where(VISIT_STRENGTH.VISIT_ID.eq(id)).execute();
        tx.deleteFrom(VISIT_LOAD).where(VISIT_LOAD.VISIT_ID.eq(id)).execute();
        tx.deleteFrom(VISIT_PSFS).where(VISIT_PSFS.VISIT_ID.eq(id)).execute();
        Children children = new Children(tx);
        children.add(visit);
        children.execute();
        if (!visit.date().equals(dateBefore)) {
            refreshLastVisit(tx, List.of(visit.patientId()));
        }
        return version;
    }

    /**
     * Sets these patients' last visit (shown in the patient list, kept on the patient row by V9) from
     * their visits as they now stand; called in the transaction of every change to the visit table.
     */
    static void refreshLastVisit(DSLContext tx, Collection<UUID> patientIds) {
        List<UUID> all = List.copyOf(new LinkedHashSet<>(patientIds));
        Field<LocalDate> latest = DSL.field(DSL.select(
                DSL.max(VISIT.VISIT_DATE)).from(VISIT).where(VISIT.PATIENT_ID.eq(PATIENT.ID)));
        for (int from = 0; from < all.size(); from += Batches.SIZE) {
            // only rows whose date changes: saving a visit again (the form saves as she types) leaves
            // the patient row, and the pages a durable commit must write, alone
            tx.update(PATIENT)
                    .set(PATIENT.LAST_VISIT, latest)
                    .where(PATIENT.ID.in(all.subList(from, Math.min(all.size(), from + Batches.SIZE))))
                    .and(PATIENT.LAST_VISIT.isDistinctFrom(latest))
                    .execute();
        }
    }

    /**
     * Inserts visits that are not stored yet, in JDBC batches: an import of thousands of visits
     * sends a few prepared statements instead of a dozen statements for each visit.
     */
    static void insertNew(DSLContext tx, List<Visit> visits, List<SuggestedStage> suggested) {
        List<VisitRecord> rows = new ArrayList<>(visits.size());
        for (int i = 0; i < visits.size(); i++) {
            VisitRecord row = row(tx, visits.get(i), suggested.get(i));
            row.setRowVersion(0L);
            rows.add(row);
        }
        Batches.insert(tx, VISIT, rows);
        Children children = new Children(tx);
        visits.forEach(children::add);
        children.execute();
        refreshLastVisit(tx, visits.stream().map(Visit::patientId).toList());
    }

    /** The rows of a visit's child tables, sent as one batch per table. */
    private static final class Children {
        private final DSLContext tx;
        private final List<Object[]> flags = new ArrayList<>();
        private final List<Object[]> strength = new ArrayList<>();
        private final List<Object[]> load = new ArrayList<>();
        private final List<Object[]> psfs = new ArrayList<>();

        Children(DSLContext tx) {
            this.tx = tx;
        }

        void add(Visit visit) {
            UUID id = visit.id();
            if (visit.redFlags() != null) {
                for (RedFlag flag : visit.redFlags()) {
                    flags.add(new Object[] {id, flag.name()});
                }
            }
            for (var e : visit.strength().entrySet()) {
                strength.add(new Object[] {id, e.getKey().name(), e.getValue().left(), e.getValue().right()});
            }
            for (var e : visit.loadImpact().entrySet()) {
                String test = e.getKey().name();
                if (e.getValue() instanceof LoadEntry.Whole whole) {
                    load.add(new Object[] {id, test, WHOLE, whole.result().status().name(), symptoms(whole.result())});
                } else if (e.getValue() instanceof LoadEntry.PerSide per) {
                    if (per.sides().left() != null) {
                        load.add(new Object[] {id, test, "LEFT", per.sides().left().status().name(),
                            symptoms(per.sides().left())});
                    }
                    if (per.sides().right() != null) {
                        load.add(new Object[] {id, test, "RIGHT", per.sides().right().status().name(),
                            symptoms(per.sides().right())});
                    }
                }
            }
            int position = 0;
            for (PsfsItem item : visit.outcomes().psfs()) {
                psfs.add(new Object[] {id, position++, item.activity(), item.score()});
            }
        }

        void execute() {
            send(tx.insertInto(VISIT_RED_FLAG, VISIT_RED_FLAG.VISIT_ID, VISIT_RED_FLAG.FLAG)
                    .values((UUID) null, null), flags);
            send(tx.insertInto(VISIT_STRENGTH, VISIT_STRENGTH.VISIT_ID, VISIT_STRENGTH.TEST, VISIT_STRENGTH.LEFT_REPS,
                    VISIT_STRENGTH.RIGHT_REPS).values((UUID) null, null, null, null), strength);
            send(tx.insertInto(VISIT_LOAD, VISIT_LOAD.VISIT_ID, VISIT_LOAD.TEST, VISIT_LOAD.SIDE, VISIT_LOAD.STATUS,
                    VISIT_LOAD.SYMPTOMS).values((UUID) null, null, null, null, null), load);
            send(tx.insertInto(VISIT_PSFS, VISIT_PSFS.VISIT_ID, VISIT_PSFS.POSITION, VISIT_PSFS.ACTIVITY,
                    VISIT_PSFS.SCORE).values((UUID) null, null, null, null), psfs);
        }

        private void send(Query query, List<Object[]> rows) {
            Batches.send(tx, query, rows);
        }
    }

    private static VisitRecord row(DSLContext tx, Visit visit, SuggestedStage suggested) {
        VisitRecord row = tx.newRecord(VISIT);
        row.setId(visit.id());
        row.setPatientId(visit.patientId());
        row.setUpdated(PatientStore.toOffset(visit.updated()));
        row.setVisitDate(visit.date());
        row.setStatus(visit.status().name());
        row.setClinician(visit.clinician());
        row.setKind(name(visit.kind()));
        row.setChosenStage(name(visit.stage()));
        row.setStageReason(visit.stageReason());
        row.setSuggestedStage(name(suggested));
        row.setNotes(visit.notes());
        row.setExtensions(visit.extensions());

        History h = visit.history();
        row.setHBreastfeeding(h.breastfeeding());
        row.setHSleepHours(h.sleepHours());
        row.setHBmi(h.bmi());
        row.setHHypermobility(h.hypermobility());
        row.setHPsychologicalConcern(h.psychologicalConcern());
        row.setHRedsConcern(h.redsConcern());
        row.setHLeakedBeforeOrDuringPregnancy(h.leakedBeforeOrDuringPregnancy());
        row.setHSupportDevice(name(h.supportDevice()));

        Symptoms s = visit.symptoms();
        row.setSUrinaryIncontinence(s.urinaryIncontinence());
        row.setSFaecalIncontinence(s.faecalIncontinence());
        row.setSUrgency(s.urgency());
        row.setSHeavinessOrBulge(s.heavinessOrBulge());
        row.setSDyspareunia(s.dyspareunia());
        row.setSObstructedDefecation(s.obstructedDefecation());
        row.setSAbdominalSeparation(s.abdominalSeparation());
        row.setSLumbopelvicPain(s.lumbopelvicPain());
        row.setSPainNrs(s.painNrs());
        row.setSRunSymptomOnsetMinutes(s.runSymptomOnsetMinutes());

        row.setRedFlagsAsked(visit.redFlags() != null);

        PelvicFloorExam f = visit.pelvicFloor();
        row.setPfMethod(name(f.method()));
        row.setPfPower(f.power());
        row.setPfEnduranceSeconds(f.enduranceSeconds());
        row.setPfRepetitions(f.repetitions());
        row.setPfFastContractions(f.fastContractions());
        row.setPfElevation(f.elevation());
        row.setPfCoContraction(f.coContraction());
        row.setPfCoughPrecontraction(f.coughPrecontraction());
        row.setPfRelaxation(name(f.relaxation()));
        row.setPfTone(name(f.tone()));
        row.setPfStandingSubmaxHoldSeconds(f.standingSubmaxHoldSeconds());
        row.setPfNotes(f.notes());

        AbdominalWall a = visit.abdominalWall();
        row.setAwMethod(name(a.method()));
        row.setAwUnit(name(a.unit()));
        row.setAwAboveUmbilicus(a.aboveUmbilicus());
        row.setAwAtUmbilicus(a.atUmbilicus());
        row.setAwBelowUmbilicus(a.belowUmbilicus());
        row.setAwDoming(a.doming());
        row.setAwLineaAlba(name(a.lineaAlba()));

        Outcomes o = visit.outcomes();
        row.setOIciqUiSfScore(o.iciqUiSfScore());
        row.setOPgiI(o.pgiI());
        return row;
    }

    /**
     * {@code visit} with the stored copy's reason for its stage when it has none of its own and the stage
     * is the same: a record file (format v1) carries no such reason, and a newer copy of the visit
     * imported over the stored one keeps the reason for the same choice.
     */
    static Visit keepingStageReason(DSLContext tx, Visit visit) {
        if (visit.stageReason() != null || visit.stage() == null) {
            return visit;
        }
        var stored = tx.select(VISIT.CHOSEN_STAGE, VISIT.STAGE_REASON).from(VISIT).where(VISIT.ID.eq(visit.id()))
                .fetchOne();
        if (stored == null || stored.value2() == null || !visit.stage().name().equals(stored.value1())) {
            return visit;
        }
        return visit.withStage(visit.stage(), stored.value2());
    }

    /** The stored visit's status alone (one look-up), empty when there is no such visit. */
    public Optional<VisitStatus> status(UUID id) {
        return dsl.select(VISIT.STATUS).from(VISIT).where(VISIT.ID.eq(id)).fetchOptional(VISIT.STATUS)
                .map(VisitStatus::valueOf);
    }

    public Optional<Visit> find(UUID id) {
        VisitRecord row = dsl.selectFrom(VISIT).where(VISIT.ID.eq(id)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(readAll(List.of(row), VISIT.ID.eq(id)).get(0));
    }

    /**
     * The visit just before this one among the patient's (by date, then id, as
     * {@code ReadinessRules.ORDER}), read alone: a save needs only that one, not all her visits.
     */
    public Optional<Visit> previous(Visit visit) {
        UUID best = null;
        LocalDate bestDate = null;
        for (var r : dsl.select(VISIT.ID, VISIT.VISIT_DATE).from(VISIT)
                .where(VISIT.PATIENT_ID.eq(visit.patientId()).and(VISIT.VISIT_DATE.le(visit.date()))
                        .and(VISIT.ID.ne(visit.id())))
                .fetch()) {
            UUID id = r.value1();
            LocalDate date = r.value2();
            boolean before = date.isBefore(visit.date())
                    || date.equals(visit.date()) && id.toString().compareTo(visit.id().toString()) < 0;
            if (before && (best == null || date.isAfter(bestDate)
                    || date.equals(bestDate) && id.toString().compareTo(best.toString()) > 0)) {
                best = id;
                bestDate = date;
            }
        }
        return best == null ? Optional.empty() : find(best);
    }

    /** Every visit of the patient, oldest first. */
    public List<Visit> forPatient(UUID patientId) {
        List<VisitRecord> rows = dsl.selectFrom(VISIT)
                .where(VISIT.PATIENT_ID.eq(patientId))
                .orderBy(VISIT.VISIT_DATE, VISIT.ID)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        return readAll(rows, VISIT.PATIENT_ID.eq(patientId));
    }

    /** The patient's visits for a list, newest first. */
    public List<VisitSummary> summaries(UUID patientId) {
        return dsl.select(VISIT.ID, VISIT.VISIT_DATE, VISIT.KIND, VISIT.STATUS, VISIT.CHOSEN_STAGE,
                        VISIT.SUGGESTED_STAGE)
                .from(VISIT)
                .where(VISIT.PATIENT_ID.eq(patientId))
                .orderBy(VISIT.VISIT_DATE.desc(), VISIT.ID.desc())
                .fetch(r -> new VisitSummary(r.value1(), r.value2(), value(VisitKind.class, r.value3()),
                        VisitStatus.valueOf(r.value4()), value(Stage.class, r.value5()),
                        value(SuggestedStage.class, r.value6())));
    }

    public List<Amendment> amendments(UUID visitId) {
        return dsl.selectFrom(VISIT_AMENDMENT)
                .where(VISIT_AMENDMENT.VISIT_ID.eq(visitId))
                .orderBy(VISIT_AMENDMENT.AMENDED_AT)
                .fetch(r -> new Amendment(r.getAmendedAt().toInstant(), r.getClinician(),
                        r.getFields().isEmpty() ? List.of() : Arrays.asList(r.getFields().split(",")),
                        decode(r.getPreviousValues()), r.getReason(), decodeChanges(r.getFieldChanges())));
    }

    private <R extends TableRecord<R>> Result<R> children(Table<R> table,
            TableField<R, UUID> visitId, Condition which) {
        return dsl.select(table.fields()).from(table).join(VISIT).on(VISIT.ID.eq(visitId)).where(which)
                .fetchInto(table);
    }

    public boolean delete(UUID visitId) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            UUID patientId = tx.select(VISIT.PATIENT_ID).from(VISIT).where(VISIT.ID.eq(visitId)).fetchOne(VISIT.PATIENT_ID);
            if (patientId == null) {
                return false;
            }
            tx.deleteFrom(VISIT).where(VISIT.ID.eq(visitId)).execute();
            refreshLastVisit(tx, List.of(patientId));
            return true;
        });
    }

    /**
     * The visits of these rows with their child rows. {@code which} selects the same visits for the
     * child tables through a join (an IN list of thousands of ids is slow).
     */
    private List<Visit> readAll(List<VisitRecord> rows, Condition which) {
        Map<UUID, Set<RedFlag>> flags = new HashMap<>();
        children(VISIT_RED_FLAG, VISIT_RED_FLAG.VISIT_ID, which).forEach(r ->
                flags.computeIfAbsent(r.getVisitId(), k -> EnumSet.noneOf(RedFlag.class))
                        .add(RedFlag.valueOf(r.getFlag())));
        Map<UUID, Map<StrengthTest, Sides<Integer>>> strength = new HashMap<>();
        children(VISIT_STRENGTH, VISIT_STRENGTH.VISIT_ID, which).forEach(r ->
                strength.computeIfAbsent(r.getVisitId(), k -> new EnumMap<>(StrengthTest.class))
                        .put(StrengthTest.valueOf(r.getTest()), new Sides<>(r.getLeftReps(), r.getRightReps())));
        Map<UUID, Map<LoadTest, LoadResult[]>> load = new HashMap<>();
        children(VISIT_LOAD, VISIT_LOAD.VISIT_ID, which).forEach(r -> {
            LoadResult result = new LoadResult(TestStatus.valueOf(r.getStatus()), parseSymptoms(r.getSymptoms()));
            LoadResult[] slots = load.computeIfAbsent(r.getVisitId(), k -> new EnumMap<>(LoadTest.class))
                    .computeIfAbsent(LoadTest.valueOf(r.getTest()), k -> new LoadResult[3]);
            slots[switch (r.getSide()) {
                case "LEFT" -> 1;
                case "RIGHT" -> 2;
                default -> 0;
            }] = result;
        });
        Map<UUID, List<PsfsItem>> psfs = new HashMap<>();
        children(VISIT_PSFS, VISIT_PSFS.VISIT_ID, which).sortAsc(VISIT_PSFS.POSITION).forEach(r ->
                psfs.computeIfAbsent(r.getVisitId(), k -> new ArrayList<>()).add(new PsfsItem(r.getActivity(),
                        r.getScore())));

        List<Visit> visits = new ArrayList<>(rows.size());
        for (VisitRecord r : rows) {
            UUID id = r.getId();
            Map<LoadTest, LoadEntry> entries = new EnumMap<>(LoadTest.class);
            load.getOrDefault(id, Map.of()).forEach((test, slots) -> entries.put(test, test.oneSided()
                    ? new LoadEntry.PerSide(new Sides<>(slots[1], slots[2]))
                    : new LoadEntry.Whole(slots[0] != null ? slots[0] : slots[1])));
            visits.add(new Visit(
                    id,
                    r.getPatientId(),
                    r.getUpdated().toInstant(),
                    r.getVisitDate(),
                    VisitStatus.valueOf(r.getStatus()),
                    r.getClinician(),
                    value(VisitKind.class, r.getKind()),
                    new History(r.getHBreastfeeding(), PatientStore.shortest(r.getHSleepHours()),
                            PatientStore.shortest(r.getHBmi()), r.getHHypermobility(), r.getHPsychologicalConcern(),
                            r.getHRedsConcern(), r.getHLeakedBeforeOrDuringPregnancy(),
                            value(SupportDevice.class, r.getHSupportDevice())),
                    new Symptoms(r.getSUrinaryIncontinence(), r.getSFaecalIncontinence(), r.getSUrgency(),
                            r.getSHeavinessOrBulge(), r.getSDyspareunia(), r.getSObstructedDefecation(),
                            r.getSAbdominalSeparation(), r.getSLumbopelvicPain(), r.getSPainNrs(),
                            r.getSRunSymptomOnsetMinutes()),
                    Boolean.TRUE.equals(r.getRedFlagsAsked()) ? flags.getOrDefault(id, Set.of()) : null,
                    new PelvicFloorExam(value(ExamMethod.class, r.getPfMethod()), r.getPfPower(),
                            r.getPfEnduranceSeconds(), r.getPfRepetitions(), r.getPfFastContractions(),
                            r.getPfElevation(), r.getPfCoContraction(), r.getPfCoughPrecontraction(),
                            value(Relaxation.class, r.getPfRelaxation()), value(Tone.class, r.getPfTone()),
                            r.getPfStandingSubmaxHoldSeconds(), r.getPfNotes()),
                    new AbdominalWall(value(AbdominalMethod.class, r.getAwMethod()), value(IrdUnit.class, r.getAwUnit()),
                            PatientStore.shortest(r.getAwAboveUmbilicus()), PatientStore.shortest(r.getAwAtUmbilicus()),
                            PatientStore.shortest(r.getAwBelowUmbilicus()), r.getAwDoming(),
                            value(LineaAlba.class, r.getAwLineaAlba())),
                    strength.get(id),
                    entries,
                    new Outcomes(psfs.get(id), r.getOIciqUiSfScore(), r.getOPgiI()),
                    value(Stage.class, r.getChosenStage()),
                    r.getStageReason(),
                    r.getNotes(),
                    r.getExtensions()));
        }
        return visits;
    }

    /** "path<TAB>value" lines; tabs, newlines and backslashes in values escaped. */
    static String encode(Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        values.forEach((path, value) -> out.append(path).append('\t')
                .append(value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append('\n'));
        return out.toString();
    }

    /** One "path<TAB>label<TAB>before<TAB>after" line for each change, each part escaped as {@link #encode} does. */
    static String encodeChanges(List<Amendment.Change> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Amendment.Change change : changes) {
            out.append(escape(change.path())).append('\t').append(escape(change.label())).append('\t')
                    .append(escape(change.before())).append('\t').append(escape(change.after())).append('\n');
        }
        return out.toString();
    }

    static List<Amendment.Change> decodeChanges(String text) {
        List<Amendment.Change> changes = new ArrayList<>();
        if (text == null) {
            return changes;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            if (parts.length == 4) {
                changes.add(new Amendment.Change(unescape(parts[0]), unescape(parts[1]), unescape(parts[2]),
                        unescape(parts[3])));
            }
        }
        return changes;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String raw) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                value.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            values.put(line.substring(0, tab), unescape(line.substring(tab + 1)));
        }
        return values;
    }

    private static String symptoms(LoadResult result) {
        if (result.symptoms().isEmpty()) {
            return null;
        }
        return result.symptoms().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<TestSymptom> parseSymptoms(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<TestSymptom> set = EnumSet.noneOf(TestSymptom.class);
        for (String word : text.split(",")) {
            set.add(TestSymptom.valueOf(word));
        }
        return set;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
