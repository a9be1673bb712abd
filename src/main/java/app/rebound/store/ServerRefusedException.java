package app.rebound.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import javax.net.ssl.SSLException;

/**
 * The clinic's server could not be used: not reached, the login refused, or the connection not secure
 * enough. The message says which, in words the clinician or the clinic's IT can act on.
 */
public class ServerRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Why the server was not used. */
    public enum Reason {
        /** The user name or the password is wrong (or she has no login on this server). */
        LOGIN,
        /** The server is not this computer and offers no TLS. */
        NO_TLS,
        /** The server's certificate is not trusted or does not name it. */
        CERTIFICATE,
        /** Nothing answered at the address, or the database does not exist. */
        UNREACHABLE
    }

    private final Reason reason;

    public ServerRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What a failed first connection to {@code server} means. */
    static ServerRefusedException of(ServerAddress server, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // nothing answered at all: said before any talk of certificates (pgjdbc's "Connection to HOST:PORT
            // refused. Check that the hostname and port are correct" names the host name too)
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return unreachable(server, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("28P01") || state.equals("28000")) {
                    return new ServerRefusedException(Reason.LOGIN, "The server " + server
                            + " refused the sign-in: the user name or the password is wrong", failure);
                }
                if (state.equals("3D000")) {
                    return new ServerRefusedException(Reason.UNREACHABLE, "The server has no database named "
                            + server.database() + "; check the address (" + server + ")", failure);
                }
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("does not support SSL")) {
                return new ServerRefusedException(Reason.NO_TLS, "The server " + server.host() + " offers no TLS, and "
                        + "it is not this computer: Rebound does not send patient records over the network in plain "
                        + "text. Ask the clinic's IT to turn on ssl on the server (see the administrator's guide)",
                        failure);
            }
            if (t instanceof SSLException || t instanceof CertificateException
                    || message.contains("certificate") || message.contains("hostname")) {
                return new ServerRefusedException(Reason.CERTIFICATE, "The server " + server.host() + "'s certificate "
                        + "could not be checked (not signed by an authority this computer trusts, or not for this "
                        + "name); give its authority's certificate with sslrootcert=PATH in the address", failure);
            }
        }
        return unreachable(server, failure);
    }

    private static ServerRefusedException unreachable(ServerAddress server, Throwable failure) {
        return new ServerRefusedException(Reason.UNREACHABLE, "The server " + server + " could not be reached; check "
                + "the address and that the server is running", failure);
    }

    /**
     * Whether {@code failure} is the connection to the server missing or lost (no connection to be had, one
     * dropped, the server shutting down or starting up), rather than anything about the records.
     */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerRefusedException refused && refused.reason() == Reason.UNREACHABLE) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
