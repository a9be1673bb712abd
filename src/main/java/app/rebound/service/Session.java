package app.rebound.service;

import java.util.Optional;

import app.rebound.domain.Clinician;
import app.rebound.store.Signer;

/** Who is signed in to these services: named on handouts, amendments and in the audit trail. */
public final class Session {

    private volatile Clinician clinician;
    private volatile Signer signer;

    public Optional<Clinician> clinician() {
        return Optional.ofNullable(clinician);
    }

    void signIn(Clinician who) {
        if (clinician != null && who != null && !clinician.id().equals(who.id())) {
            signer = null;
        }
        clinician = who;
    }

    /** The signed-in clinician's signing key, held in memory while she is signed in (none before key pairs). */
    void signWith(Signer key) {
        signer = key;
    }

    /** Her signing key for the audit rows she causes, or empty. */
    Optional<Signer> signer() {
        return Optional.ofNullable(signer);
    }

    /** The clinician signed in; the services of a window or a command always have one. */
    Clinician require() {
        Clinician who = clinician;
        if (who == null) {
            throw new NotAllowedException("Sign in first");
        }
        return who;
    }

    /** @throws NotAllowedException unless an administrator is signed in */
    Clinician requireAdministrator() {
        Clinician who = require();
        if (!who.administrator()) {
            throw new NotAllowedException("Only an administrator can do this");
        }
        return who;
    }

    /** The name printed for the clinician signed in, or null. */
    String displayName() {
        Clinician who = clinician;
        return who == null ? null : who.displayName();
    }
}
