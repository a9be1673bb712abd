package app.rebound.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's notices of changes made on other workstations (V15_1: a trigger sends one on the channel
 * {@value #CHANNEL} in the transaction of every change of a patient, visit, programme or progress summary).
 * A connection of its own listens on a daemon thread; when it is lost (network, server restart) it connects
 * again, waiting longer each time, and then says that anything may have changed meanwhile
 * ({@link Notice#everything()}). On the embedded H2 there is one program, so there is nothing to listen to.
 */
public final class ChangeNotices implements AutoCloseable {

    static final String CHANNEL = "rebound_change";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /**
     * A change made on another workstation: which table ("patient", "visit", "programme",
     * "progress_summary"), the patient and the row by id; or, after the listener was cut off, everything.
     */
    public record Notice(String table, UUID patientId, UUID rowId) {

        /** The listener was cut off and is back: anything may have changed. */
        public static Notice everything() {
            return new Notice(null, null, null);
        }

        public boolean isEverything() {
            return table == null;
        }
    }

    private final Database.ConnectionOpener opener;
    private final String workstation;
    private final Consumer<Notice> receiver;
    private volatile boolean closed;
    private volatile Connection connection;
    private final Thread thread;

    private ChangeNotices(Database.ConnectionOpener opener, String workstation, Consumer<Notice> receiver) {
        this.opener = opener;
        this.workstation = workstation;
        this.receiver = receiver;
        this.thread = new Thread(this::listen, "rebound-change-notices");
        thread.setDaemon(true);
    }

    /**
     * Starts listening to the changes the other workstations make to {@code database}; {@code receiver} is
     * called on the listener's thread. Empty for the embedded file (nothing to listen to).
     */
    public static Optional<ChangeNotices> listen(Database database, Consumer<Notice> receiver) {
        return database.listenerConnections().map(opener -> {
            ChangeNotices notices = new ChangeNotices(opener, database.workstation(), receiver);
            notices.thread.start();
            return notices;
        });
    }

    private void listen() {
        Duration wait = Duration.ofSeconds(1);
        boolean first = true;
        while (!closed) {
            try (Connection listening = opener.open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    // what changed while the listener was away was not heard: anything may have
                    receiver.accept(Notice.everything());
                }
                first = false;
                wait = Duration.ofSeconds(1);
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        parse(notification.getParameter()).ifPresent(this::deliver);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Lost the server's change notices ({}); listening again in {} s",
                        e.getClass().getSimpleName(), wait.toSeconds());
                first = false;
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void deliver(Notice notice) {
        try {
            receiver.accept(notice);
        } catch (RuntimeException e) {
            LOG.warn("A change notice was not handled ({})", e.getClass().getSimpleName());
        }
    }

    /** "visit PATIENT ROW WORKSTATION": empty for this workstation's own changes and for what is not one. */
    Optional<Notice> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 4);
        if (parts.length < 3 || (parts.length == 4 && parts[3].equals(workstation))) {
            return Optional.empty();
        }
        try {
            UUID patient = parts[1].equals("-") ? null : UUID.fromString(parts[1]);
            return Optional.of(new Notice(parts[0], patient, UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stops listening and closes the listener's connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
