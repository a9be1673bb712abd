package app.rebound.ui.kit;

import java.util.UUID;

/**
 * Where a screen asks to go. A screen knows no other screen and not the window: its back and open
 * buttons name a destination here, and the shell decides how to get there (saving what is being
 * typed first, keeping a second click from opening the same patient twice).
 */
public interface Navigator {

    /** The patient list. */
    void showList();

    /** A patient's workspace: her details and visits. */
    void openWorkspace(UUID patientId);

    /** A visit's form. */
    void openVisit(UUID patientId, UUID visitId);

    /** A visit's home programme. */
    void openProgramme(UUID patientId, UUID visitId);

    /** A patient's progress across her visits. */
    void openProgress(UUID patientId);
}
