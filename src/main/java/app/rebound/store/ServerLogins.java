package app.rebound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.postgresql.PGConnection;
import org.postgresql.core.Utils;

import app.rebound.domain.Clinician;

/**
 * Each clinician of a clinic on a server is a PostgreSQL login of her own, a member of rebound_clinician
 * (and of rebound_admin for an administrator, who may then create logins herself). Her password is
 * set with pgjdbc's {@link PGConnection#alterUserPassword}: the SCRAM-SHA-256 verifier is computed here,
 * so the password itself never reaches the server, nor its logs. Her account row goes in through the
 * SECURITY DEFINER function that checks the caller is an administrator; all in one transaction.
 */
public final class ServerLogins {

    private ServerLogins() {
    }

    /** Makes her login and her account. */
    public static void add(Database database, Clinician clinician, char[] password, OffsetDateTime now) {
        requireServer(database);
        database.dsl().connection(connection -> inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + quoted(clinician.username()) + " LOGIN"
                        + (clinician.administrator() ? " CREATEROLE" : "") + " IN ROLE rebound_clinician"
                        + (clinician.administrator() ? ", rebound_admin" : ""));
            }
            connection.unwrap(PGConnection.class).alterUserPassword(clinician.username(), password, SCRAM);
            try (PreparedStatement add = connection.prepareStatement("SELECT rebound_account_add(?, ?, ?, ?, ?)")) {
                add.setObject(1, clinician.id());
                add.setString(2, clinician.username());
                add.setString(3, clinician.displayName());
                add.setBoolean(4, clinician.administrator());
                add.setObject(5, now);
                add.execute();
            }
        }));
    }

    /** A new password for her login (an administrator's reset), sent as its SCRAM verifier. */
    public static void setPassword(Database database, String username, char[] password) {
        requireServer(database);
        database.dsl().connection(connection -> connection.unwrap(PGConnection.class).alterUserPassword(username,
                password, SCRAM));
    }

    /** Ends her account (her name stays on what she wrote) and drops her login. */
    public static boolean remove(Database database, String username, OffsetDateTime now) {
        requireServer(database);
        boolean[] removed = new boolean[1];
        database.dsl().connection(connection -> inTransaction(connection, () -> {
            try (PreparedStatement remove = connection.prepareStatement("SELECT rebound_account_remove(?, ?)")) {
                remove.setString(1, username);
                remove.setObject(2, now);
                try (var result = remove.executeQuery()) {
                    result.next();
                    removed[0] = result.getBoolean(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP ROLE IF EXISTS " + quoted(username));
            }
        }));
        return removed[0];
    }

    private static String quoted(String name) throws SQLException {
        return Utils.escapeIdentifier(null, name).toString();
    }

    static final String SCRAM = "scram-sha-256";

    private static void requireServer(Database database) {
        if (!database.onServer()) {
            throw new IllegalStateException("logins are for a clinic on a server");
        }
    }

    interface Work {
        void run() throws SQLException;
    }

    static void inTransaction(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
