package app.rebound.store;

import app.rebound.server.TestPostgres;

/**
 * The database of one test on the test PostgreSQL, for the store tests that run on both engines: the
 * first open makes a new database (migrated by its owner), each later one connects to it again, as a
 * reopened H2 folder would be.
 */
final class ServerDatabases {

    private TestPostgres.Owned clinic;

    Database open() {
        if (clinic == null) {
            clinic = TestPostgres.newDatabase();
            return Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.MIGRATE);
        }
        return Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.CURRENT);
    }
}
