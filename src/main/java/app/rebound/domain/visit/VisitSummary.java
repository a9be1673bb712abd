package app.rebound.domain.visit;

import java.time.LocalDate;
import java.util.UUID;

/** One line of a patient's visit list. */
public record VisitSummary(UUID id, LocalDate date, VisitKind kind, VisitStatus status, Stage chosenStage,
        SuggestedStage suggestedStage) {

    /** The stage issued: the clinician's choice, else the suggestion's stage; null for REFER. */
    public Stage stageIssued() {
        if (suggestedStage == SuggestedStage.REFER) {
            return null; // a red flag: no programme, whatever was chosen before it
        }
        if (chosenStage != null) {
            return chosenStage;
        }
        return suggestedStage == null ? null : suggestedStage.stage().orElse(null);
    }
}
