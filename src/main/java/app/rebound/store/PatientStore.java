package app.rebound.store;

import static app.rebound.store.jooq.Tables.BIRTH;
import static app.rebound.store.jooq.Tables.PATIENT;
import static app.rebound.store.jooq.Tables.PATIENT_NAME_PREFIX;
import static app.rebound.store.jooq.Tables.PATIENT_NAME_WORD;
import static app.rebound.store.jooq.Tables.VISIT;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Decimals;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.PerinealTrauma;
import app.rebound.store.jooq.tables.records.PatientRecord;

/** Patients and their births in the database. */
public final class PatientStore {

    private static final char LIKE_ESCAPE = '!';
    /** Column sizes of sort_key and patient_name_word.word: folding can lengthen text (ﷺ, ﬃ). */
    private static final int SORT_KEY_MAX = 2000;
    private static final int WORD_MAX = 1000;
    /** Column size of patient_name_prefix.prefix: the longest start of a word kept there (V8). */
    static final int PREFIX_MAX = 16;

    private final DSLContext dsl;
    private final Database database;

    public PatientStore(Database database) {
        this.database = database;
        this.dsl = database.dsl();
    }

    /** Adds the patient or replaces the stored one with the same id, in one transaction. */
    public void save(Patient patient) {
        dsl.transaction(configuration -> write(configuration.dsl(), patient));
    }

    static final RowVersions.Columns VERSIONS = new RowVersions.Columns(PATIENT, PATIENT.ROW_VERSION,
            PATIENT.CHANGED_BY, PATIENT.CHANGED_AT, "patient");

    /**
     * Saves the patient as {@code change} says she was edited: refused with {@link ConcurrentChangeException},
     * writing nothing, when another save came in since the version it started from. Returns the version saved.
     */
    public long save(Patient patient, Change change) {
        return dsl.transactionResult(configuration -> write(configuration.dsl(), patient, change));
    }

    /** The patient with the version a checked save of her starts from. */
    public Optional<Versioned<Patient>> findVersioned(UUID id) {
        return dsl.transactionResult(configuration -> {
            long version = RowVersions.stored(configuration.dsl(), VERSIONS, PATIENT.ID.eq(id));
            return version == Change.NEW ? Optional.<Versioned<Patient>>empty()
                    : find(configuration.dsl(), id).map(patient -> new Versioned<>(patient, version));
        });
    }

    /** Inserts patients that are not stored yet, in JDBC batches (an import of thousands of patients). */
    static void insertNew(DSLContext tx, List<Patient> patients) {
        List<PatientRecord> rows = new ArrayList<>(patients.size());
        List<Object[]> words = new ArrayList<>();
        List<Object[]> prefixes = new ArrayList<>();
        List<Object[]> births = new ArrayList<>();
        for (Patient patient : patients) {
            PatientRecord row = row(tx, patient);
            row.setRowVersion(0L);
            rows.add(row);
            List<String> nameWords = words(patient);
            for (String word : nameWords) {
                words.add(new Object[] {word, patient.id()});
            }
            for (String prefix : prefixes(nameWords)) {
                prefixes.add(new Object[] {prefix, row.getSortKey(), patient.id()});
            }
            int position = 0;
            for (Birth birth : patient.births()) {
                births.add(new Object[] {patient.id(), position++, birth.date(), name(birth.mode()),
                    name(birth.perinealTrauma())});
            }
        }
        Batches.insert(tx, PATIENT, rows);
        Batches.send(tx, tx.insertInto(PATIENT_NAME_WORD, PATIENT_NAME_WORD.WORD, PATIENT_NAME_WORD.PATIENT_ID)
                .values((String) null, null), words);
        Batches.send(tx, tx.insertInto(PATIENT_NAME_PREFIX, PATIENT_NAME_PREFIX.PREFIX, PATIENT_NAME_PREFIX.SORT_KEY,
                PATIENT_NAME_PREFIX.PATIENT_ID).values((String) null, null, null), prefixes);
        Batches.send(tx, tx.insertInto(BIRTH, BIRTH.PATIENT_ID, BIRTH.POSITION, BIRTH.BIRTH_DATE, BIRTH.MODE,
                BIRTH.PERINEAL_TRAUMA).values((UUID) null, null, null, null, null), births);
    }

    private static PatientRecord row(DSLContext tx, Patient patient) {
        PatientRecord row = tx.newRecord(PATIENT);
        row.setId(patient.id());
        row.setUpdated(toOffset(patient.updated()));
        row.setGivenName(patient.givenName());
        row.setFamilyName(patient.familyName());
        row.setSortKey(fit(NameFolding.sortKey(patient.givenName(), patient.familyName()), SORT_KEY_MAX));
        row.setDateOfBirth(patient.dateOfBirth());
        row.setPhone(patient.phone());
        row.setEmail(patient.email());
        row.setArchived(patient.archived());
        row.setPreviousWeeklyRunKm(patient.previousWeeklyRunKm());
        row.setGoal(patient.goal());
        row.setNotes(patient.notes());
        row.setExtensions(patient.extensions());
        // shown on her line of the patient list (V9); the validator keeps births out of the future
        row.setLatestBirth(patient.births().stream().map(Birth::date).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null));
        return row;
    }

    /** Adds or replaces the patient inside the caller's transaction. */
    static void write(DSLContext tx, Patient patient) {
        write(tx, patient, null);
    }

    static long write(DSLContext tx, Patient patient, Change change) {
        long version = RowVersions.next(tx, VERSIONS, PATIENT.ID.eq(patient.id()), change);
        PatientRecord row = row(tx, patient);
        row.setRowVersion(version);
        row.setChangedBy(change == null ? null : change.by());
        row.setChangedAt(change == null ? null : toOffset(change.at()));
        // next() gives 0 only where no row is stored
        boolean exists = version > 0;
        if (exists) {
            tx.executeUpdate(row);
        } else {
            tx.executeInsert(row);
        }

        tx.deleteFrom(PATIENT_NAME_WORD).where(PATIENT_NAME_WORD.PATIENT_ID.eq(patient.id())).execute();
        tx.deleteFrom(PATIENT_NAME_PREFIX).where(PATIENT_NAME_PREFIX.PATIENT_ID.eq(patient.id())).execute();
        List<String> nameWords = words(patient);
        if (!nameWords.isEmpty()) {
            var words = tx.insertInto(PATIENT_NAME_WORD, PATIENT_NAME_WORD.WORD, PATIENT_NAME_WORD.PATIENT_ID);
            for (String word : nameWords) {
                words = words.values(word, patient.id());
            }
            words.execute();
            var prefixes = tx.insertInto(PATIENT_NAME_PREFIX, PATIENT_NAME_PREFIX.PREFIX, PATIENT_NAME_PREFIX.SORT_KEY,
                    PATIENT_NAME_PREFIX.PATIENT_ID);
            for (String prefix : prefixes(nameWords)) {
                prefixes = prefixes.values(prefix, row.getSortKey(), patient.id());
            }
            prefixes.execute();
        }

        tx.deleteFrom(BIRTH).where(BIRTH.PATIENT_ID.eq(patient.id())).execute();
        int position = 0;
        for (Birth birth : patient.births()) {
            tx.insertInto(BIRTH, BIRTH.PATIENT_ID, BIRTH.POSITION, BIRTH.BIRTH_DATE, BIRTH.MODE,
                            BIRTH.PERINEAL_TRAUMA)
                    .values(patient.id(), position++, birth.date(), name(birth.mode()),
                            name(birth.perinealTrauma()))
                    .execute();
        }
        return version;
    }

    /** The folded words of her names, each cut to its column. */
    private static List<String> words(Patient patient) {
        return NameFolding.searchWords(patient.givenName(), patient.familyName()).stream()
                .map(w -> fit(w, WORD_MAX)).distinct().toList();
    }

    /** Every start of every word, up to {@value #PREFIX_MAX} characters, never cutting a surrogate pair. */
    static Set<String> prefixes(List<String> words) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String word : words) {
            for (int end = 0; end < word.length(); ) {
                end += Character.charCount(word.codePointAt(end));
                if (end > PREFIX_MAX) {
                    break;
                }
                prefixes.add(word.substring(0, end));
            }
        }
        return prefixes;
    }

    public Optional<Patient> find(UUID id) {
        return find(dsl, id);
    }

    private static Optional<Patient> find(DSLContext dsl, UUID id) {
        PatientRecord row = dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<Birth> births = dsl.selectFrom(BIRTH)
                .where(BIRTH.PATIENT_ID.eq(id))
                .orderBy(BIRTH.POSITION)
                .fetch(b -> new Birth(b.getBirthDate(),
                        b.getMode() == null ? null : BirthMode.valueOf(b.getMode()),
                        b.getPerinealTrauma() == null ? null : PerinealTrauma.valueOf(b.getPerinealTrauma())));
        return Optional.of(new Patient(
                row.getId(),
                row.getUpdated().toInstant(),
                row.getGivenName(),
                row.getFamilyName(),
                row.getDateOfBirth(),
                row.getPhone(),
                row.getEmail(),
                row.getArchived(),
                births,
                shortest(row.getPreviousWeeklyRunKm()),
                row.getGoal(),
                row.getNotes(),
                row.getExtensions()));
    }

    /**
     * Patients whose given or family name has a word starting with each of the terms (folded, see
     * {@link NameFolding#queryTerms}), in name order: at most {@code limit} of them, and whether
     * there are more. No terms lists everyone.
     *
     * <p>The first page costs the same in a clinic of any size: it walks an index in name order (all
     * patients, or patient_name_prefix for the longest term, whose other terms are point look-ups) and
     * stops after {@code limit + 1} rows, instead of finding every match and sorting them.
     */
    public PatientPage search(List<String> terms, boolean includeArchived, int limit, LocalDate today) {
        return search(terms, includeArchived, limit, today, null);
    }

    /**
     * As {@link #search(List, boolean, int, LocalDate)}, from where a page ended ({@code after}, null
     * for the first page): the next page walks the same index from that position.
     */
    public PatientPage search(List<String> terms, boolean includeArchived, int limit, LocalDate today,
            PatientPage.After after) {
        // kept on the patient row (V9), so a row of the page costs one look-up, not three; a latest birth
        // after today (births are validated against the day they are entered) falls back to the one before
        Field<LocalDate> latestBirth = DSL.when(PATIENT.LATEST_BIRTH.isNull().or(PATIENT.LATEST_BIRTH.le(today)),
                        PATIENT.LATEST_BIRTH)
                .otherwise(DSL.field(select(max(BIRTH.BIRTH_DATE))
                        .from(BIRTH)
                        .where(BIRTH.PATIENT_ID.eq(PATIENT.ID).and(BIRTH.BIRTH_DATE.le(today)))));
        var columns = dsl.select(PATIENT.ID, PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.DATE_OF_BIRTH,
                PATIENT.ARCHIVED, latestBirth, PATIENT.LAST_VISIT, PATIENT.SORT_KEY);
        Condition visible = includeArchived ? DSL.noCondition() : PATIENT.ARCHIVED.isFalse();
        List<Record8<UUID, String, String, LocalDate, Boolean, LocalDate, LocalDate, String>> rows;
        if (terms.isEmpty()) {
            // the order of an index: patient_by_archived_sort (archived is always false here) or patient_by_sort
            List<SortField<?>> order = includeArchived
                    ? List.of(PATIENT.SORT_KEY.asc(), PATIENT.ID.asc())
                    : List.of(PATIENT.ARCHIVED.asc(), PATIENT.SORT_KEY.asc(), PATIENT.ID.asc());
            Condition from = after == null ? DSL.noCondition()
                    : DSL.row(PATIENT.SORT_KEY, PATIENT.ID).gt(after.sortKey(), after.id());
            rows = columns.from(PATIENT).where(visible.and(from)).orderBy(order).limit(limit + 1).fetch();
        } else {
            // the longest term usually has the fewest matches: its prefix is walked, the others looked up
            int walked = 0;
            for (int i = 1; i < terms.size(); i++) {
                walked = terms.get(i).length() > terms.get(walked).length() ? i : walked;
            }
            Condition condition = visible.and(PATIENT_NAME_PREFIX.PREFIX.eq(fit(terms.get(walked), PREFIX_MAX)));
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i);
                if (term.length() > PREFIX_MAX) {
                    condition = condition.and(DSL.exists(DSL.selectOne()
                            .from(PATIENT_NAME_WORD)
                            .where(PATIENT_NAME_WORD.PATIENT_ID.eq(PATIENT_NAME_PREFIX.PATIENT_ID))
                            .and(PATIENT_NAME_WORD.WORD.like(escapeLike(term) + "%", LIKE_ESCAPE))));
                }
                if (i != walked) {
                    var other = PATIENT_NAME_PREFIX.as("other");
                    condition = condition.and(DSL.exists(DSL.selectOne()
                            .from(other)
                            .where(other.PREFIX.eq(fit(term, PREFIX_MAX)))
                            .and(other.SORT_KEY.eq(PATIENT_NAME_PREFIX.SORT_KEY))
                            .and(other.PATIENT_ID.eq(PATIENT_NAME_PREFIX.PATIENT_ID))));
                }
            }
            if (after != null) {
                condition = condition.and(DSL.row(PATIENT_NAME_PREFIX.SORT_KEY, PATIENT_NAME_PREFIX.PATIENT_ID)
                        .gt(after.sortKey(), after.id()));
            }
            // the order of patient_name_prefix's primary key, whose prefix is fixed here
            rows = columns.from(PATIENT_NAME_PREFIX)
                    .join(PATIENT).on(PATIENT.ID.eq(PATIENT_NAME_PREFIX.PATIENT_ID))
                    .where(condition)
                    .orderBy(PATIENT_NAME_PREFIX.PREFIX, PATIENT_NAME_PREFIX.SORT_KEY, PATIENT_NAME_PREFIX.PATIENT_ID)
                    .limit(limit + 1)
                    .fetch();
        }
        List<PatientSummary> page = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            var r = rows.get(i);
            page.add(new PatientSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6(), r.value7()));
        }
        boolean more = rows.size() > limit;
        var last = more ? rows.get(limit - 1) : null;
        return new PatientPage(page, more, more ? new PatientPage.After(last.value8(), last.value1()) : null);
    }

    /** Archives or restores a patient; false when there is no such patient. */
    public boolean setArchived(UUID id, boolean archived, Instant updated) {
        return dsl.update(PATIENT)
                .set(PATIENT.ARCHIVED, archived)
                .set(PATIENT.UPDATED, toOffset(updated))
                .where(PATIENT.ID.eq(id))
                .execute() == 1;
    }

    /**
     * Deletes the patient and, through the foreign keys' cascades, everything about her: births, name
     * words, visits with all their parts and amendments, programmes, the report summary. The file is
     * compacted when the database closes, so deleted pages do not linger in it (see {@link Database#erased}).
     */
    public void erase(UUID id) {
        database.erased();
        dsl.transaction(configuration -> configuration.dsl().deleteFrom(PATIENT).where(PATIENT.ID.eq(id)).execute());
    }

    /** Every patient's id, archived ones too, in no particular order. */
    public List<UUID> allIds() {
        return dsl.select(PATIENT.ID).from(PATIENT).fetch(PATIENT.ID);
    }

    public int count() {
        return dsl.fetchCount(PATIENT);
    }

    /** Cuts a folded value to its column; only contrived names are that long, and they still sort and match. */
    static String fit(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    static String escapeLike(String term) {
        StringBuilder out = new StringBuilder(term.length());
        for (char c : term.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    static OffsetDateTime toOffset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** 25.00 is stored as DECIMAL(5,2) but means 25. */
    static BigDecimal shortest(BigDecimal value) {
        return Decimals.shortest(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
