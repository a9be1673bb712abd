package app.rebound;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import app.rebound.store.Database;

/**
 * Data folders as Rebound left them before encryption: a plain H2 file (user "rebound", no
 * password) at schema version 6, with patients written through plain SQL.
 */
public final class LegacyFolders {

    private LegacyFolders() {
    }

    public static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(Database.FILE_NAME).toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
    }

    /** Creates the plain database (schema version 6) with the clinic's name; returns nothing else. */
    public static void create(Path folder, String clinicName) throws SQLException {
        Flyway.configure().dataSource(url(folder), "rebound", "").locations("classpath:db/migration", "classpath:db/h2").target("6")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url(folder), "rebound", "");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO setting (name, text_value) VALUES (?, ?)")) {
            insert.setString(1, "clinic.name");
            insert.setString(2, clinicName);
            insert.executeUpdate();
            insert.setString(1, "clinician.name");
            insert.setString(2, "Ingrid Hansen");
            insert.executeUpdate();
        }
    }

    /** Adds a patient through SQL and returns her id. */
    public static UUID addPatient(Path folder, String given, String family, LocalDate born, String notes)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url(folder), "rebound", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO patient (id, updated, given_name, "
                        + "family_name, sort_key, date_of_birth, notes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
            insert.setString(3, given);
            insert.setString(4, family);
            insert.setString(5, (family + " " + given).toLowerCase(Locale.ROOT));
            insert.setObject(6, born);
            insert.setString(7, notes);
            insert.executeUpdate();
        }
        return id;
    }
}
