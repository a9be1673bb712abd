package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.h2.engine.SysProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.HostileCode;
import app.rebound.TestKeys;

/** What a Rebound database may hold, checked before H2 opens it and after; H2 loads no class by name; keys. */
class SchemaCheckTest {

    @TempDir
    Path temp;

    @Test
    void aDatabaseTheMigrationsMadePassesBothChecks() throws Exception {
        Path folder = temp.resolve("clinic");
        Database.open(folder, TestKeys.KEY).close();
        try (EncryptedFileSystem.Registration files = EncryptedFileSystem.register(folder.resolve(Database.FILE_NAME),
                TestKeys.KEY)) {
            SchemaCheck.beforeOpen(files.name());
        }
        try (Database database = Database.openExisting(folder, TestKeys.KEY)) {
            database.dsl().connection(SchemaCheck::afterOpen);
        }
    }

    /**
     * An insider's trigger, source-code trigger and alias in the encrypted clinic, their type numbers in H2's
     * list of objects changed to each other type (the attack review's finding: relabelled a comment, the
     * source trigger passed the check by type and ran as H2 opened the file): refused before H2 opens it.
     */
    @Test
    void hostileObjectsRelabelledAsAnyOtherTypeAreRefusedBeforeTheyRun() throws Exception {
        for (int type : new int[] {0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16}) {
            HostileCode.forget();
            Path folder = temp.resolve("clinic-" + type);
            Database.open(folder, TestKeys.KEY).close();
            Database database = Database.openExisting(folder, TestKeys.KEY);
            try {
                database.dsl().connection(HostileCode::plant);
            } finally {
                database.closeAsIs();
            }
            try (EncryptedFileSystem.Registration file = EncryptedFileSystem.register(
                    folder.resolve(Database.FILE_NAME), TestKeys.KEY)) {
                assertThat(HostileCode.relabel(file.name(), type)).isEqualTo(3);
            }
            byte[] planted = Files.readAllBytes(Database.file(folder));

            assertThatThrownBy(() -> Database.openExisting(folder, TestKeys.KEY)).as("type %d", type)
                    .isInstanceOf(ForeignDatabaseException.class)
                    .hasMessageContaining("AUDIT_COPY").hasMessageContaining("AUDIT_NOTE")
                    .hasMessageContaining("NATIVE_LOAD");
            assertThat(HostileCode.ran()).as("type %d: code from the file ran", type).isNull();
            assertThat(Files.readAllBytes(Database.file(folder))).as("type %d", type).isEqualTo(planted);
        }
    }

    @Test
    void theFirstLineJudgesTheSqlWhateverTheTypeNumberSays() {
        String sourceTrigger = "CREATE FORCE TRIGGER \"PUBLIC\".\"PWN\" BEFORE SELECT ON \"PUBLIC\".\"SETTING\" AS $$x$$";
        for (int type = 0; type <= 16; type++) {
            assertThat(SchemaCheck.problem(type, sourceTrigger)).as("type %d", type).contains("PWN");
        }
        assertThat(SchemaCheck.problem(13, sourceTrigger)).isEqualTo("a trigger (PWN)");
        assertThat(SchemaCheck.problem(1, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER)"))
                .isEqualTo("a table stored as an object of another type (1) (T)");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER); CREATE ALIAS X FOR "
                + "'java.lang.System.load'")).startsWith("an object with a comment, source code or a second statement");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER /* ' */ DEFAULT 1)"))
                .startsWith("an object with a comment");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER DEFAULT $$1$$)"))
                .startsWith("an object with a comment, source code");
        assertThat(SchemaCheck.problem(6, "SET DATABASE_EVENT_LISTENER 'x.Listener'")).isEqualTo(
                "a setting of an unknown kind (unnamed)");
        assertThat(SchemaCheck.problem(6, "SET CACHE_SIZE 65536")).isNull();
        assertThat(SchemaCheck.problem(2, "CREATE USER IF NOT EXISTS \"REBOUND\" SALT '00' HASH '11' ADMIN")).isNull();
        assertThat(SchemaCheck.problem(1, "CREATE UNIQUE NULLS DISTINCT INDEX \"PUBLIC\".\"U\" ON \"PUBLIC\".\"T\"(\"A\")"))
                .isNull();
        assertThat(SchemaCheck.problem(1, "CREATE PRIMARY KEY \"PUBLIC\".\"PK\" ON \"PUBLIC\".\"T\"(\"ID\")")).isNull();
        assertThat(SchemaCheck.problem(13, "COMMENT ON TABLE \"PUBLIC\".\"T\" IS 'x'")).startsWith("a comment");
    }

    @Test
    void theSecondLineNamesWhatTheMigrationsNeverMake() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:second-line;TRACE_LEVEL_FILE=0", "sa", "");
                Statement sql = connection.createStatement()) {
            HostileCode.plant(connection);
            sql.execute("CREATE VIEW patient_names AS SELECT id FROM patient");
            sql.execute("CREATE TABLE visit (id INT PRIMARY KEY, note VARCHAR(10) DEFAULT FILE_READ('/etc/passwd'), "
                    + "CONSTRAINT no_x CHECK (note <> 'x'))");
            sql.execute("CREATE DOMAIN short_text AS VARCHAR(10)");
            sql.execute("CREATE CONSTANT answer VALUE 42");
            sql.execute("CREATE SYNONYM people FOR patient");

            assertThatThrownBy(() -> SchemaCheck.afterOpen(connection)).isInstanceOf(ForeignDatabaseException.class)
                    .hasMessageContaining("a trigger (AUDIT_COPY)").hasMessageContaining("a trigger (AUDIT_NOTE)")
                    .hasMessageContaining("(NATIVE_LOAD)").hasMessageContaining("(PATIENT_NAMES)")
                    .hasMessageContaining("a check constraint (NO_X)").hasMessageContaining("a domain (SHORT_TEXT)")
                    .hasMessageContaining("a constant (ANSWER)").hasMessageContaining("(PEOPLE)")
                    .hasMessageContaining("(VISIT.NOTE)");
        }
        assertThat(HostileCode.ran()).isNull();
    }

    /** Whoever wrote the file chose the names: the message (to the log and the screen) can forge no line. */
    @Test
    void namesFromTheFileCannotForgeALogLineOrFloodTheMessage() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:forged-names;TRACE_LEVEL_FILE=0", "sa",
                "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE patient (id INT PRIMARY KEY)");
            sql.execute("CREATE VIEW \"x\n23:59:59.999 INFO Signed in: admin\r\u001b[2K\u202e"
                    + "\" AS SELECT id FROM patient");
            sql.execute("CREATE VIEW \"" + "L".repeat(250) + "\" AS SELECT id FROM patient");
            for (int i = 0; i < 40; i++) {
                sql.execute("CREATE CONSTANT c" + i + " VALUE " + i);
            }

            assertThatThrownBy(() -> SchemaCheck.afterOpen(connection)).isInstanceOf(ForeignDatabaseException.class)
                    .satisfies(refused -> {
                        String message = refused.getMessage();
                        assertThat(message).doesNotContain("\n", "\r", "\u001b", "\u202e")
                                .contains("(x?23:59:59.999 INFO Signed in: admin??[2K?)")
                                .contains("L".repeat(ForeignDatabaseException.LONGEST_NAME) + "…")
                                .doesNotContain("L".repeat(ForeignDatabaseException.LONGEST_NAME + 1))
                                .endsWith(", and " + (42 - ForeignDatabaseException.MOST_NAMED) + " more");
                        assertThat(message.length()).isLessThan(2_000);
                    });
        }
    }

    @Test
    void theFirstLineNamesEachKindOfObjectFromItsSql() {
        assertThat(SchemaCheck.problem(4, "CREATE FORCE TRIGGER \"PUBLIC\".\"TRS\" BEFORE INSERT ON \"PUBLIC\".\"T\" "
                + "QUEUE 1024 AS 'x'")).isEqualTo("a trigger (TRS)");
        assertThat(SchemaCheck.problem(9, "CREATE FORCE ALIAS \"PUBLIC\".\"SYSLOAD\" FOR 'java.lang.System.load'"))
                .isEqualTo("an alias (SYSLOAD)");
        assertThat(SchemaCheck.problem(0, "CREATE FORCE VIEW \"PUBLIC\".\"VW\"(\"ID\") AS SELECT 1"))
                .isEqualTo("a view (VW)");
        assertThat(SchemaCheck.problem(0, "CREATE FORCE LINKED TABLE \"PUBLIC\".\"L\"('', 'jdbc:h2:mem:', '', '', "
                + "'T')")).isEqualTo("a linked table (L)");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"E\"(\"ID\" INTEGER) ENGINE \"x.Engine\""))
                .isEqualTo("an object using ENGINE (E)");
        assertThat(SchemaCheck.problem(5, "ALTER TABLE \"PUBLIC\".\"T\" ADD CONSTRAINT \"PUBLIC\".\"C_1\" CHECK(\"V\" "
                + "<> 'x') NOCHECK")).isEqualTo("a check constraint (C_1)");
        assertThat(SchemaCheck.problem(14, "CREATE FORCE AGGREGATE \"PUBLIC\".\"AG\" FOR 'x.Ag'"))
                .isEqualTo("an aggregate (AG)");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"N\" CHARACTER VARYING(9) DEFAULT "
                + "FILE_READ('/etc/passwd'))")).isEqualTo("an object using FILE_READ (T)");
        assertThat(SchemaCheck.problem(0, "CREATE CACHED TABLE \"PUBLIC\".\"ENGINE\"(\"FILE_READ\" INTEGER, \"N\" "
                + "CHARACTER VARYING(9) DEFAULT 'ENGINE')")).as("words in names and strings are no calls").isNull();
        assertThat(SchemaCheck.problem(5, "ALTER TABLE \"PUBLIC\".\"T\" ADD CONSTRAINT \"PUBLIC\".\"FK_1\" FOREIGN "
                + "KEY(\"P\") INDEX \"PUBLIC\".\"FK_INDEX_1\" REFERENCES \"PUBLIC\".\"P\"(\"ID\") ON DELETE CASCADE "
                + "NOCHECK")).isNull();
    }

    @Test
    void h2MayLoadNoClassNamedInADatabase() throws Exception {
        assertThat(SysProperties.ALLOWED_CLASSES).isEqualTo(H2Lockdown.NO_CLASSES);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:classes;TRACE_LEVEL_FILE=0", "sa", "");
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("CREATE ALIAS native_load FOR 'java.lang.System.load'"))
                    .hasMessageContaining("java.lang.System");
        }
        String set = System.getProperty(H2Lockdown.PROPERTY);
        try {
            System.clearProperty(H2Lockdown.PROPERTY);
            H2Lockdown.apply();
            assertThat(System.getProperty(H2Lockdown.PROPERTY)).as("what the program's start sets").isEmpty();
        } finally {
            System.setProperty(H2Lockdown.PROPERTY, set);
        }
    }

    @Test
    void theKeyIsHeldOnlyWhileADatabaseWithItIsOpen() {
        Path folder = temp.resolve("clinic");
        DatabaseKey key = DatabaseKey.random();
        assertThat(EncryptedFileSystem.holds(key)).isFalse();
        try (Database first = Database.open(folder, key)) {
            assertThat(EncryptedFileSystem.holds(key)).isTrue();
            try (Database second = Database.openExisting(folder, key)) {
                assertThat(second.dsl().fetchOne("SELECT 1")).isNotNull();
            }
            assertThat(EncryptedFileSystem.holds(key)).as("the first is still open").isTrue();
            assertThat(first.dsl().fetchOne("SELECT COUNT(*) FROM patient").get(0, Integer.class)).isZero();
        }
        assertThat(EncryptedFileSystem.holds(key)).as("after the last close").isFalse();
        assertThatThrownBy(() -> Database.openExisting(temp.resolve("none"), key))
                .isInstanceOf(DatabaseMissingException.class);
        assertThat(EncryptedFileSystem.holds(key)).isFalse();
    }
}
