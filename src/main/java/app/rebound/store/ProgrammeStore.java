package app.rebound.store;

import static app.rebound.store.jooq.Tables.PROGRAMME;
import static app.rebound.store.jooq.Tables.PROGRAMME_EXERCISE;
import static app.rebound.store.jooq.Tables.PROGRAMME_WALK_RUN;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;

import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.store.jooq.tables.records.ProgrammeRecord;

/** The home programme of each visit. */
public final class ProgrammeStore {

    private final DSLContext dsl;

    public ProgrammeStore(Database database) {
        this.dsl = database.dsl();
    }

    /** Saves (or replaces) the visit's programme; null removes it. One transaction. */
    public void save(UUID visitId, Programme programme) {
        dsl.transaction(configuration -> write(configuration.dsl(), visitId, programme));
    }

    static final RowVersions.Columns VERSIONS = new RowVersions.Columns(PROGRAMME, PROGRAMME.ROW_VERSION,
            PROGRAMME.CHANGED_BY, PROGRAMME.CHANGED_AT, "programme");

    /**
     * Saves the programme as {@code change} says it was edited: refused with {@link ConcurrentChangeException},
     * writing nothing, when another save came in since the version it started from. Returns the version saved.
     */
    public long save(UUID visitId, Programme programme, Change change) {
        return dsl.transactionResult(configuration -> write(configuration.dsl(), visitId, programme, change));
    }

    /** The programme with the version a checked save of it starts from. */
    public Optional<Versioned<Programme>> findVersioned(UUID visitId) {
        return dsl.transactionResult(configuration -> {
            long version = RowVersions.stored(configuration.dsl(), VERSIONS, PROGRAMME.VISIT_ID.eq(visitId));
            return version == Change.NEW ? Optional.<Versioned<Programme>>empty()
                    : new ProgrammeStore(configuration.dsl()).find(visitId)
                            .map(programme -> new Versioned<>(programme, version));
        });
    }

    private ProgrammeStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Saves, replaces or (null) removes the visit's programme inside the caller's transaction. */
    static void write(DSLContext tx, UUID visitId, Programme programme) {
        write(tx, visitId, programme, null);
    }

    static long write(DSLContext tx, UUID visitId, Programme programme, Change change) {
        long version = RowVersions.next(tx, VERSIONS, PROGRAMME.VISIT_ID.eq(visitId), change);
        tx.deleteFrom(PROGRAMME).where(PROGRAMME.VISIT_ID.eq(visitId)).execute();
        if (programme == null) {
            return Change.NEW;
        }
        tx.insertInto(PROGRAMME, PROGRAMME.VISIT_ID, PROGRAMME.STAGE, PROGRAMME.SUGGESTED_STAGE,
                        PROGRAMME.REVIEW_IN_WEEKS, PROGRAMME.ROW_VERSION, PROGRAMME.CHANGED_BY, PROGRAMME.CHANGED_AT)
                .values(visitId, programme.stage().name(),
                        programme.suggestedStage() == null ? null : programme.suggestedStage().name(),
                        programme.reviewInWeeks(), version, change == null ? null : change.by(),
                        change == null ? null : PatientStore.toOffset(change.at()))
                .execute();
        int position = 0;
        for (ProgrammeItem item : programme.exercises()) {
            Dose d = item.dose();
            tx.insertInto(PROGRAMME_EXERCISE, PROGRAMME_EXERCISE.VISIT_ID, PROGRAMME_EXERCISE.POSITION,
                            PROGRAMME_EXERCISE.EXERCISE_CODE, PROGRAMME_EXERCISE.SETS, PROGRAMME_EXERCISE.REPS,
                            PROGRAMME_EXERCISE.HOLD_SECONDS, PROGRAMME_EXERCISE.TIMES_PER_DAY,
                            PROGRAMME_EXERCISE.DAYS_PER_WEEK, PROGRAMME_EXERCISE.NOTES, PROGRAMME_EXERCISE.REASONS)
                    .values(visitId, position++, item.exercise(), d.sets(), d.reps(), d.holdSeconds(),
                            d.timesPerDay(), d.daysPerWeek(), item.notes(), joined(item.reasons()))
                    .execute();
        }
        for (WalkRunWeek week : programme.walkRun()) {
            tx.insertInto(PROGRAMME_WALK_RUN, PROGRAMME_WALK_RUN.VISIT_ID, PROGRAMME_WALK_RUN.WEEK,
                            PROGRAMME_WALK_RUN.SESSIONS_PER_WEEK, PROGRAMME_WALK_RUN.RUN_SECONDS,
                            PROGRAMME_WALK_RUN.WALK_SECONDS, PROGRAMME_WALK_RUN.REPEATS)
                    .values(visitId, week.week(), week.sessionsPerWeek(), week.runSeconds(), week.walkSeconds(),
                            week.repeats())
                    .execute();
        }
        return version;
    }

    /** The reasons in one column, separated by single spaces (a code never has one); none is NULL. */
    static String joined(List<String> reasons) {
        for (String reason : reasons) {
            if (reason.isEmpty() || reason.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("A programme reason is a code without spaces");
            }
        }
        return reasons.isEmpty() ? null : String.join(" ", reasons);
    }

    static List<String> split(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.strip().split(" +"));
    }

    public Optional<Programme> find(UUID visitId) {
        ProgrammeRecord row = dsl.selectFrom(PROGRAMME).where(PROGRAMME.VISIT_ID.eq(visitId)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        var items = dsl.selectFrom(PROGRAMME_EXERCISE)
                .where(PROGRAMME_EXERCISE.VISIT_ID.eq(visitId))
                .orderBy(PROGRAMME_EXERCISE.POSITION)
                .fetch(r -> new ProgrammeItem(r.getExerciseCode(), new Dose(r.getSets(), r.getReps(),
                        r.getHoldSeconds(), r.getTimesPerDay(), r.getDaysPerWeek()), r.getNotes(),
                        split(r.getReasons())));
        var weeks = dsl.selectFrom(PROGRAMME_WALK_RUN)
                .where(PROGRAMME_WALK_RUN.VISIT_ID.eq(visitId))
                .orderBy(PROGRAMME_WALK_RUN.WEEK)
                .fetch(r -> new WalkRunWeek(r.getWeek(), r.getSessionsPerWeek(), r.getRunSeconds(),
                        r.getWalkSeconds(), r.getRepeats()));
        return Optional.of(new Programme(Stage.valueOf(row.getStage()),
                row.getSuggestedStage() == null ? null : SuggestedStage.valueOf(row.getSuggestedStage()),
                items, weeks, row.getReviewInWeeks()));
    }
}
