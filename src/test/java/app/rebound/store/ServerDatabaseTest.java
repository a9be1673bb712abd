package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.server.TestPostgres;
import app.rebound.store.jooq.Tables;

/** Opening the records on a clinic's PostgreSQL server: migrations, search by index, versions, refusals. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerDatabaseTest {

    @Test
    void aNewDatabaseGetsEveryMigrationOfTheCommonAndThePostgresqlFolders() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        try (Database database = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.MIGRATE)) {
            assertThat(database.onServer()).isTrue();
            List<String> versions = database.dsl().fetch("SELECT version FROM flyway_schema_history "
                    + "WHERE version IS NOT NULL AND success ORDER BY installed_rank").getValues(0, String.class);
            assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                    "13", "13.1", "13.2", "14", "15", "15.1", "16", "16.1");
            assertThat(database.dsl().fetchValue("SELECT data_type FROM information_schema.columns "
                    + "WHERE table_name = 'audit_event' AND column_name = 'hash'")).isEqualTo("bytea");
        }
        // the second time, nothing to migrate: the schema is taken as it is
        try (Database again = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.CURRENT)) {
            assertThat(again.dsl().fetchCount(again.dsl().selectFrom(Tables.PATIENT))).isZero();
        }
    }

    @Test
    void aNameSearchWalksAnIndexRangeUnderTheDatabasesOwnCollation() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        try (Database database = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.MIGRATE)) {
            database.dsl().connection(connection -> {
                try (var statement = connection.createStatement()) {
                    // the planner's choice on a tiny table is no proof: with sequential scans priced out, a plan
                    // that still reads the whole table can use no index for the condition
                    statement.execute("SET enable_seqscan = off");
                    for (String query : List.of(
                            "SELECT patient_id FROM patient_name_word WHERE word LIKE 'abcdefghijklmnopq%'",
                            "SELECT patient_id FROM patient_name_prefix WHERE prefix LIKE 'ab%'",
                            "SELECT id FROM patient WHERE sort_key LIKE 'smi%'")) {
                        StringBuilder plan = new StringBuilder();
                        try (var rows = statement.executeQuery("EXPLAIN " + query)) {
                            while (rows.next()) {
                                plan.append(rows.getString(1)).append('\n');
                            }
                        }
                        // a range on the index (>= 'ab' AND < 'ac'), not the whole index read and each row filtered
                        assertThat(plan.toString()).as(query).containsPattern("Index Cond: .*>=")
                                .doesNotContain("Seq Scan");
                    }
                }
            });
        }
    }

    @Test
    void aWorkstationNeverMigratesTheClinicsRecordsByItself() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();

        assertThatThrownBy(() -> Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.CURRENT))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("holds no Rebound records yet")
                .hasMessageContaining("rebound init --database " + clinic.address());

        Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.MIGRATE).close();
        TestPostgres.asSuperuserOn(clinic.address().database(), "DELETE FROM flyway_schema_history WHERE version IN ('13.2', '14', '15', '15.1', '16', '16.1')");
        assertThatThrownBy(() -> Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.CURRENT))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("at schema version 13.1, older than this Rebound's (16.1)")
                .hasMessageContaining("rebound migrate --database");
    }

    @Test
    void anAppOlderThanTheSchemaRefusesToStartAndSaysWhichVersionToInstall() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.MIGRATE).close();
        // a newer Rebound brought the schema on
        TestPostgres.asSuperuserOn(clinic.address().database(), "INSERT INTO flyway_schema_history (installed_rank, "
                + "version, description, type, script, checksum, installed_by, execution_time, success) "
                + "VALUES (100, '17', 'from a newer Rebound', 'SQL', 'V17__newer.sql', 1, 'owner', 1, TRUE)");

        for (Database.Schema schema : Database.Schema.values()) {
            assertThatThrownBy(() -> Database.connect(clinic.address(), clinic.owner(), clinic.password(), schema))
                    .isInstanceOf(SchemaVersionException.class)
                    .hasMessageContaining("schema version 17, newer than this Rebound knows (16.1)")
                    .hasMessageContaining("install the Rebound the other workstations use");
        }
    }

    @Test
    void aWrongPasswordIsToldApartFromAServerThatIsNotThere() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();

        assertThatThrownBy(() -> Database.connect(clinic.address(), clinic.owner(), "wrong".toCharArray(),
                Database.Schema.CURRENT))
                .isInstanceOfSatisfying(ServerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServerRefusedException.Reason.LOGIN))
                .hasMessageContaining("the user name or the password is wrong");
        ServerAddress nowhere = ServerAddress.parse("postgresql://127.0.0.1:" + TestPostgres.port() + "/no_such_db");
        assertThatThrownBy(() -> Database.connect(nowhere, clinic.owner(), clinic.password(), Database.Schema.CURRENT))
                .isInstanceOfSatisfying(ServerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServerRefusedException.Reason.UNREACHABLE))
                .hasMessageContaining("no database named no_such_db");
    }

    @Test
    void aServerWithoutTlsIsRefusedWhenItIsNotThisComputer() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        // the test server offers no TLS; asking for the mode every other host gets shows what a clinician sees
        ServerAddress remote = ServerAddress.parse("postgresql://127.0.0.1:" + TestPostgres.port() + "/"
                + clinic.address().database() + "?sslmode=verify-full");

        assertThatThrownBy(() -> Database.connect(remote, clinic.owner(), clinic.password(), Database.Schema.CURRENT))
                .isInstanceOfSatisfying(ServerRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServerRefusedException.Reason.NO_TLS))
                .hasMessageContaining("offers no TLS")
                .hasMessageContaining("plain text");
    }
}
