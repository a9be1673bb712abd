package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

class SchemaHistoryTest {

    @TempDir
    Path folder;

    private JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve(Database.FILE_NAME).toAbsolutePath()
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0");
        dataSource.setUser("rebound");
        dataSource.setPassword(new String(TestKeys.KEY.filePassword()) + " ");
        return dataSource;
    }

    @Test
    void everyMigrationScriptIsListed() {
        assertThat(SchemaHistory.scriptVersions()).contains("1", "6", "8");
    }

    @Test
    void aNewDatabaseIsNotUpToDate() {
        assertThat(SchemaHistory.upToDate(dataSource())).isFalse();
    }

    @Test
    void aMigratedDatabaseIsUpToDateAndOpensAgainWithoutFlyway() {
        Database.open(folder, TestKeys.KEY).close();

        assertThat(SchemaHistory.upToDate(dataSource())).isTrue();
        try (Database again = Database.open(folder, TestKeys.KEY)) {
            assertThat(new PatientStore(again).count()).isZero();
        }
    }

    @Test
    void aMissingOrFailedMigrationLeavesItToFlyway() throws Exception {
        Database.open(folder, TestKeys.KEY).close();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '8'");
        }
        assertThat(SchemaHistory.upToDate(dataSource())).isFalse();

        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '8'");
        }
        assertThat(SchemaHistory.upToDate(dataSource())).isFalse();
    }
}
