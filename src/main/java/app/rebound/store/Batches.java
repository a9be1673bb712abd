package app.rebound.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Sends one prepared statement with many rows of values, in JDBC batches. jOOQ renders the statement
 * once; the values go to JDBC directly. jOOQ's own batches made a bind object for every value and
 * rendered a record's insert once per record (an import of 50,000 visits has millions of values).
 * The values must be what the columns hold in Java (UUID, String, Integer, LocalDate, OffsetDateTime
 * ...): nothing converts them on the way.
 */
final class Batches {

    static final int SIZE = 500;

    private Batches() {
    }

    /**
     * Runs {@code query} once for each row, the row's values bound in order.
     *
     * @param query a statement with one bind parameter ({@code ?} once rendered) for each value of a row,
     *              in the order of the row's values, e.g. {@code insertInto(T, a, b).values(null, null)}
     */
    static void send(DSLContext tx, Query query, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = tx.render(query);
        tx.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                    statement.addBatch();
                    if (++pending == SIZE) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        });
    }

    /** Inserts the records, every column of the table, whatever the records' changed flags say. */
    static <R extends TableRecord<R>> void insert(DSLContext tx, Table<R> table, List<R> records) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (R record : records) {
            rows.add(record.intoArray());
        }
        send(tx, tx.insertInto(table, table.fields()).values(Collections.nCopies(table.fields().length, null)),
                rows);
    }
}
