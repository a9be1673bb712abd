package app.rebound.service;

import java.util.Optional;

import app.rebound.store.Database;
import app.rebound.store.ServerRefusedException;

/**
 * The window's line to the clinic's server while a clinician is signed in: whether it answers now, and
 * whether a failure was the server not being reached (the network down, the server restarting) rather than
 * anything about the records.
 */
public final class ServerLink {

    /** How long the window waits for the server to answer before saying it cannot be reached. */
    private static final int PROBE_MILLIS = 2500;

    private final Database database;

    public ServerLink(Services services) {
        this.database = services.database();
    }

    /** Whether the records are on a clinic's server (else on this computer, always reachable). */
    public boolean onServer() {
        return database.onServer();
    }

    /** The server, as {@code postgresql://HOST:PORT/DB}; empty for this computer's records. */
    public Optional<String> server() {
        return database.server().map(Object::toString);
    }

    /** Whether the server answers now (blocks up to a few seconds: never on the JavaFX thread). */
    public boolean reachable() {
        return database.reachable(PROBE_MILLIS);
    }

    /**
     * Whether {@code failure} is the clinic's server not being reached (no connection, one lost, the server
     * shutting down or starting): what was being saved can be saved again once it answers.
     */
    public static boolean lost(Throwable failure) {
        return ServerRefusedException.connectionLost(failure);
    }
}
