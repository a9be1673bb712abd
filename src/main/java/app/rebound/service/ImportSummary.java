package app.rebound.service;

import app.rebound.domain.Messages;

/** What an import did: added, updated (the file's copy was newer) and left as they were. */
public record ImportSummary(int patientsAdded, int patientsUpdated, int patientsUnchanged, int visitsAdded,
        int visitsUpdated, int visitsUnchanged, int exercisesAdded) {

    public boolean changedNothing() {
        return patientsAdded == 0 && patientsUpdated == 0 && visitsAdded == 0 && visitsUpdated == 0
                && exercisesAdded == 0;
    }

    /** One line in English, e.g. "2 patients added, 1 updated, 0 unchanged; 7 visits added, …". */
    public String describe() {
        return Messages.format("import.summary", patientsAdded, patientsUpdated, patientsUnchanged,
                visitsAdded, visitsUpdated, visitsUnchanged, exercisesAdded);
    }
}
