package app.rebound.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import app.rebound.domain.Clinician;
import app.rebound.store.Change;

/** The checked save of a record read at a version: who saves it and when, as the other workstations see it. */
final class Edits {

    private Edits() {
    }

    /** A save from {@code readVersion} by the clinician signed in (her display name, else her user name), now. */
    static Change change(long readVersion, Session session, Clock clock) {
        return new Change(readVersion, editorName(session), clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The name another workstation shows for her: "being edited by NAME", "changed … by NAME". */
    static String editorName(Session session) {
        Clinician who = session == null ? null : session.clinician().orElse(null);
        if (who == null) {
            return null;
        }
        return who.displayName() == null || who.displayName().isBlank() ? who.username() : who.displayName();
    }
}
