package app.rebound.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every connection the database hands out passes this gate, and one thread at a time can close it: a
 * backup while it copies the live file, a close while it shuts the records. Closing it waits until the
 * connections out (saves, reads, the audit trail's appends) have come back; until it opens again, a
 * thread that asks for a connection waits, so a save made during a backup's copy is kept, after the copy,
 * never written into the file while it is read. A thread that already holds a connection may take
 * another (a transaction that appends to the audit trail on a connection of its own), so it never
 * waits for a copy that waits for it.
 */
final class ConnectionGate {

    /** Told when a thread starts to wait for the gate to open (a test's seam). */
    interface Waiting {
        void waiting();
    }

    private final Waiting onWait;
    /** How many connections each thread has out. */
    private final Map<Thread, Integer> held = new HashMap<>();
    private int out;
    /** The thread that has closed the gate (or waits for the connections out to close it), or null. */
    private Thread closer;

    ConnectionGate(Waiting onWait) {
        this.onWait = onWait;
    }

    /** Lets the current thread take a connection: at once, or once the gate opens. */
    synchronized void enter() throws SQLException {
        Thread current = Thread.currentThread();
        if (closer != null && closer != current && !held.containsKey(current)) {
            onWait.waiting();
            while (closer != null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for a backup's copy of the records");
                }
            }
        }
        held.merge(current, 1, Integer::sum);
        out++;
    }

    /** A connection {@code borrower} took has come back. */
    synchronized void leave(Thread borrower) {
        held.computeIfPresent(borrower, (thread, count) -> count == 1 ? null : count - 1);
        out--;
        notifyAll();
    }

    /**
     * Closes the gate for the current thread: waits for the connections of other threads to come back
     * (at most {@code timeoutMillis}), and makes every thread but this one wait from now on, until
     * {@link #open}.
     *
     * @return whether every connection of other threads came back in time (when not, {@link #open} is
     *         still to be called)
     * @throws IllegalStateException when the current thread holds a connection and {@code mustBeFree}
     */
    synchronized boolean close(long timeoutMillis, boolean mustBeFree) {
        Thread current = Thread.currentThread();
        if (mustBeFree && held.containsKey(current)) {
            throw new IllegalStateException("A copy of the records is made outside a transaction");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (closer != null && closer != current) {
                waitUntil(deadline);
            }
            closer = current;
            while (out - held.getOrDefault(current, 0) > 0) {
                waitUntil(deadline);
            }
            return true;
        } catch (TimedOut e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitUntil(long deadline) throws InterruptedException, TimedOut {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimedOut();
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
    }

    /** Whether a thread has closed the gate, or waits for the connections out to close it. */
    synchronized boolean isClosed() {
        return closer != null;
    }

    /** Opens the gate the current thread closed: the threads waiting take their connections. */
    synchronized void open() {
        if (closer == Thread.currentThread()) {
            closer = null;
            notifyAll();
        }
    }

    private static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut() {
            super(null, null, false, false);
        }
    }
}
