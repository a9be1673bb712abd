package app.rebound.store;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.SQLDialect;

/**
 * The database engine the records are on: the embedded H2 file of a single computer, or a clinic's
 * PostgreSQL server. Flyway runs the scripts of the common folder and the engine's own folder, where the
 * SQL differs (V7's audit hash type; PostgreSQL's collation and serialised audit head).
 */
public enum Vendor {
    H2(SQLDialect.H2, "db/migration", "db/h2"),
    POSTGRESQL(SQLDialect.POSTGRES, "db/migration", "db/postgresql");

    private final SQLDialect dialect;
    private final List<String> folders;

    Vendor(SQLDialect dialect, String... folders) {
        this.dialect = dialect;
        this.folders = List.of(folders);
    }

    SQLDialect dialect() {
        return dialect;
    }

    /** The class path folders of this engine's migration scripts. */
    List<String> folders() {
        return folders;
    }

    /** Flyway's locations of this engine's migration scripts. */
    String[] flywayLocations() {
        return folders.stream().map(folder -> "classpath:" + folder).toArray(String[]::new);
    }

    /** Runs this engine's scripts not yet applied on {@code pool} (Flyway, logging through SLF4J). */
    MigrateResult migrate(DataSource pool) {
        return Flyway.configure()
                .dataSource(pool)
                .locations(flywayLocations())
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
