package app.rebound.ui.kit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import app.rebound.domain.Messages;
import app.rebound.service.ChangedElsewhereException;

/** A save refused because another workstation saved first, in the clinician's words. */
public final class ChangedElsewhere {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ChangedElsewhere() {
    }

    /** "Changed on another workstation by Anna Physio at 09:30" (who and when as far as that save said). */
    public static String describe(ChangedElsewhereException refused) {
        if (refused.removed()) {
            return Messages.get("conflict.removed");
        }
        String at = refused.changedAt() == null ? null : TIME.format(refused.changedAt().atZone(ZoneId.systemDefault()));
        if (refused.changedBy() != null && at != null) {
            return Messages.format("conflict.changedBy", refused.changedBy(), at);
        }
        return at != null ? Messages.format("conflict.changedAt", at) : Messages.get("conflict.changed");
    }
}
