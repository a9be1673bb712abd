package app.rebound.store;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;

/**
 * The version check of a save, inside its transaction: the stored row is read and locked (FOR UPDATE,
 * so a second save of the same row waits for the first to commit and then sees its version), compared
 * with the version the save started from, and the version to write is given back.
 */
final class RowVersions {

    private RowVersions() {
    }

    /** The columns of one versioned table. */
    record Columns(Table<?> table, Field<Long> version, Field<String> by, Field<OffsetDateTime> at, String what) {
    }

    /**
     * The version the saved row gets: 0 for a new row, one more than the stored one otherwise.
     *
     * @param change null for a save that does not check (an import, the embedded mode's callers of before)
     * @throws ConcurrentChangeException when {@code change} started from another version than the stored one
     */
    static long next(DSLContext tx, Columns columns, Condition row, Change change) {
        Record3<Long, String, OffsetDateTime> stored = tx.select(columns.version(), columns.by(), columns.at())
                .from(columns.table()).where(row).forUpdate().fetchOne();
        if (stored == null) {
            if (change != null && change.readVersion() != Change.NEW) {
                throw new ConcurrentChangeException(columns.what(), null, null, true, Change.NEW,
                        ZoneId.systemDefault());
            }
            return 0;
        }
        long version = stored.value1();
        if (change != null && change.readVersion() != version) {
            throw new ConcurrentChangeException(columns.what(), stored.value2(),
                    stored.value3() == null ? null : stored.value3().toInstant(), false, version,
                    ZoneId.systemDefault());
        }
        return version + 1;
    }

    /** The stored version of a row, -1 ({@link Change#NEW}) when there is none. */
    static long stored(DSLContext dsl, Columns columns, Condition row) {
        Long version = dsl.select(columns.version()).from(columns.table()).where(row).fetchOne(columns.version());
        return version == null ? Change.NEW : version;
    }
}
