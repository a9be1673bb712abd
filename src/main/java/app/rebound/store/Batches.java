package app.rebound.store;

import java.util.List;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Sends one prepared statement with many rows of values, in JDBC batches. */
final class Batches {

    static final int SIZE = 500;

    private Batches() {
    }

    static void send(DSLContext tx, Query query, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += SIZE) {
            BatchBindStep batch = tx.batch(query);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + SIZE))) {
                batch = batch.bind(row);
            }
            batch.execute();
        }
    }
}
