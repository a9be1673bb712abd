package app.rebound.service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import app.rebound.domain.Clinician;

/**
 * A second workstation on the records of the first, for tests: on the embedded file, a second set of services
 * on the same open database (two workstations of one clinic, each with its own clinician signed in).
 */
public final class SecondWorkstation {

    /** Zoë, who saves on the second workstation. */
    public static final Clinician ZOE = new Clinician(UUID.fromString("0a7e0000-0000-4000-8000-000000000002"), "zoe",
            "Zoë Physio", false);

    private SecondWorkstation() {
    }

    /** Services on {@code first}'s database with {@code who} signed in; close with {@link #close}. */
    public static Services beside(Services first, Clock clock, Clinician who) {
        Services second = Services.on(first.database(), clock, Locale.UK);
        second.session().signIn(who);
        return second;
    }

    /** Closes what the second workstation holds, leaving the database (the first one's) open. */
    public static void close(Services second) {
        second.workstations().close();
    }
}
