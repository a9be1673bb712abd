package app.rebound.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.server.TestPostgres;

/** {@link TwoWorkstationsContract} on PostgreSQL: two workstations, each with its own connection pool. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class PostgresTwoWorkstationsTest extends TwoWorkstationsContract {

    @Override
    Database[] openTwo() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        Database one = Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.MIGRATE);
        Database two = Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.CURRENT);
        return new Database[] {one, two};
    }
}
