package app.rebound.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import app.rebound.store.ChangeNotices;
import app.rebound.store.Database;
import app.rebound.store.PresenceStore;

/**
 * The clinic's other workstations, as this one sees them (server mode): the changes they make, heard as
 * they commit, and who has a visit open for editing. On the embedded file there are no others: nothing
 * is heard, and a visit is never shown as being edited elsewhere.
 */
public final class OtherWorkstations implements AutoCloseable {

    /**
     * A change another workstation made: to a patient's details ("patient"), a visit, a programme or a
     * progress summary, naming the patient and the row by id; or {@link #everything()} after this workstation
     * was cut off from the server's notices for a while.
     */
    public record RecordChange(String what, UUID patientId, UUID rowId) {

        public static RecordChange everything() {
            return new RecordChange(null, null, null);
        }

        /** Anything may have changed (the notices were cut off and are back). */
        public boolean isEverything() {
            return what == null;
        }

        /** Whether the change concerns this patient (her details, a visit of hers, …), or may. */
        public boolean concerns(UUID patient) {
            return isEverything() || patient != null && patient.equals(patientId) || patientId == null;
        }

        /** Whether it is a change of this visit (its row), or may be. */
        public boolean isVisit(UUID visitId) {
            return isEverything() || "visit".equals(what) && visitId.equals(rowId);
        }

        /** Whether it is a change of this visit or of its programme, or may be. */
        public boolean isVisitOrItsProgramme(UUID visitId) {
            return isVisit(visitId) || "programme".equals(what) && visitId.equals(rowId);
        }
    }

    private final Database database;
    private final PresenceStore presence;
    private final Session session;
    private final Clock clock;
    /** This workstation's name on the visits it has open (two sets of services on one file are two). */
    private final String workstation = "rebound-" + UUID.randomUUID();
    private final List<Consumer<RecordChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile ChangeNotices notices;
    private volatile boolean closed;

    OtherWorkstations(Database database, Session session, Clock clock) {
        this.database = database;
        this.presence = new PresenceStore(database);
        this.session = session;
        this.clock = clock;
    }

    /**
     * Calls {@code listener} for each change another workstation makes, on a thread of the notices (not
     * the caller's): the window hands them on to its own thread. The first listener starts the listening.
     */
    public synchronized void listen(Consumer<RecordChange> listener) {
        listeners.add(listener);
        if (notices == null && !closed) {
            notices = ChangeNotices.listen(database, notice -> {
                RecordChange change = notice.isEverything() ? RecordChange.everything()
                        : new RecordChange(notice.table(), notice.patientId(), notice.rowId());
                listeners.forEach(each -> each.accept(change));
            }).orElse(null);
        }
    }

    /** Whether there are other workstations to hear from at all (server mode). */
    public boolean shared() {
        return database.onServer();
    }

    /**
     * She has the visit open for editing on this workstation: marked now (call again every {@link
     * #RENEW_EVERY} while it stays open), for the others to show "being edited by NAME".
     */
    public void editing(UUID visitId) {
        presence.mark(visitId, workstation, Edits.editorName(session), clock.instant());
    }

    /** How often an open visit renews its mark; a mark not renewed for {@link PresenceStore#EXPIRY} lapses. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(30);

    /** She closed the visit on this workstation. */
    public void stoppedEditing(UUID visitId) {
        presence.release(visitId, workstation);
    }

    /** Who has the visit open on other workstations now, by name (her display name, else her user name). */
    public List<String> editingElsewhere(UUID visitId) {
        return presence.others(visitId, workstation, clock.instant());
    }

    /** Stops listening, and clears this workstation's marks (a crash leaves them to lapse instead). */
    @Override
    public synchronized void close() {
        closed = true;
        ChangeNotices open = notices;
        notices = null;
        if (open != null) {
            open.close();
        }
        try {
            presence.releaseAll(workstation);
        } catch (RuntimeException e) {
            // the records are closing: the marks lapse by themselves
        }
    }

    Optional<ChangeNotices> notices() {
        return Optional.ofNullable(notices);
    }
}
