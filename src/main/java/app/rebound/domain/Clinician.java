package app.rebound.domain;

import java.util.UUID;

/**
 * A clinician who signs in: her user name (what she types to sign in), the name printed on handouts
 * and reports, and whether she administers the accounts and the audit trail.
 */
public record Clinician(UUID id, String username, String displayName, boolean administrator) {

    public static final int USERNAME_MAX_LENGTH = 64;
    public static final int DISPLAY_NAME_MAX_LENGTH = 200;
}
