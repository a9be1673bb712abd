package app.rebound.store;

import java.sql.SQLException;

/** What a database failure was, in codes only: its messages may quote patient data. */
public final class SqlDiagnostics {

    private SqlDiagnostics() {
    }

    /** " [SQLState 22001, code 22001]" for an SQL exception, "" for anything else. */
    public static String codes(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return " [SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
        }
        return "";
    }
}
