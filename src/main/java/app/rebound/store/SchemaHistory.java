package app.rebound.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;

/**
 * Whether the database already has every migration script applied, found with one plain query on
 * Flyway's history table: then opening skips Flyway, whose loading, scanning and validation took most
 * of a second of every command. Anything else (a new or failed migration, a history that cannot be
 * read, scripts that cannot be listed) leaves the decision to Flyway, as before.
 */
final class SchemaHistory {

    /** Versioned migrations, SQL or Java ({@code db.migration.V9__Something}). */
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.(?:sql|class)");
    /** Repeatable migrations would have to be compared by checksum: their presence leaves it to Flyway. */
    private static final Pattern REPEATABLE = Pattern.compile("R__.+");

    private SchemaHistory() {
    }

    static boolean upToDate(DataSource dataSource) {
        return upToDate(dataSource, Vendor.H2);
    }

    static boolean upToDate(DataSource dataSource, Vendor vendor) {
        Set<String> scripts = scriptVersions(vendor);
        if (scripts.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history yet: a new database
        }
        return applied.equals(scripts);
    }

    /** The versions of the migration scripts on the class path, as Flyway writes them ("1", "8"); empty if unknown. */
    static Set<String> scriptVersions() {
        return scriptVersions(Vendor.H2);
    }

    /** The versions of {@code vendor}'s migration scripts (the common folder and its own); empty if unknown. */
    static Set<String> scriptVersions(Vendor vendor) {
        Set<String> versions = new HashSet<>();
        for (String folder : vendor.folders()) {
            Set<String> found = scriptVersions(folder);
            if (found.isEmpty()) {
                return Set.of();
            }
            versions.addAll(found);
        }
        return versions;
    }

    /**
     * The versions Flyway has applied to the database, newest first by Flyway's order; empty when it has no
     * history (a new database) or the history cannot be read.
     */
    static List<MigrationVersion> appliedVersions(DataSource dataSource) {
        List<MigrationVersion> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\"")) {
            while (rows.next()) {
                applied.add(MigrationVersion.fromVersion(rows.getString(1)));
            }
        } catch (SQLException e) {
            return List.of();
        }
        applied.sort(Comparator.reverseOrder());
        return applied;
    }

    /** The newest version among {@code vendor}'s scripts, null if they cannot be listed. */
    static MigrationVersion newestScript(Vendor vendor) {
        return scriptVersions(vendor).stream().map(MigrationVersion::fromVersion)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static Set<String> scriptVersions(String folder) {
        Set<String> versions = new HashSet<>();
        try {
            Enumeration<URL> locations = SchemaHistory.class.getClassLoader().getResources(folder);
            while (locations.hasMoreElements()) {
                URL location = locations.nextElement();
                if (location.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                        files.forEach(file -> add(versions, file.getFileName().toString()));
                    }
                } else if (location.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0) {
                                add(versions, name.substring(folder.length() + 1));
                            }
                        }
                    }
                } else {
                    return Set.of();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        if (REPEATABLE.matcher(fileName).matches()) {
            throw new IllegalStateException("repeatable migration");
        }
        Matcher matcher = SCRIPT.matcher(fileName);
        if (matcher.matches()) {
            versions.add(matcher.group(1).replace('_', '.'));
        }
    }
}
