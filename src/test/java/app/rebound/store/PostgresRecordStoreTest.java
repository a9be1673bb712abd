package app.rebound.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.server.TestPostgres;

/** {@link RecordStoreTest} on PostgreSQL: the same tests, each on a new database of the test server. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class PostgresRecordStoreTest extends RecordStoreTest {

    private final ServerDatabases server = new ServerDatabases();

    @Override
    Database openDatabase() {
        return server.open();
    }
}
