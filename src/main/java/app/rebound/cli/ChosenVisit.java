package app.rebound.cli;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.service.ProgrammeService;
import app.rebound.service.Services;

/**
 * The visit a command is about: the one named by {@code --visit}, else the patient's latest by date
 * (drafts included), with all her visits (the one before it counts for the readiness summary).
 */
record ChosenVisit(Patient patient, Visit visit, List<Visit> all) {

    static ChosenVisit of(Services services, UUID patientId, UUID visitId) {
        Patient patient = patient(services, patientId);
        List<Visit> all = services.visits().visitsOf(patientId);
        if (visitId == null) {
            Visit latest = all.stream().max(ReadinessRules.ORDER)
                    .orElseThrow(() -> CommandRefused.invalid("patient " + patientId + " has no visits"));
            return new ChosenVisit(patient, latest, all);
        }
        Visit visit = all.stream().filter(v -> v.id().equals(visitId)).findFirst().orElse(null);
        if (visit == null) {
            throw existsElsewhere(services, visitId)
                    ? CommandRefused.invalid("visit " + visitId + " is not a visit of patient " + patientId)
                    : Ids.noVisit(visitId);
        }
        return new ChosenVisit(patient, visit, all);
    }

    /**
     * The visit's programme, saved or else suggested; a visit with a red flag (REFER) has none, refused as
     * "no {@code what} for visit ID: why".
     */
    ProgrammeService.Context programme(ProgrammeService programmes, String what) {
        try {
            return programmes.open(visit.id());
        } catch (ProgrammeService.NoProgrammeException e) {
            throw CommandRefused.invalid("no " + what + " for visit " + visit.id() + ": " + e.getMessage());
        }
    }

    static Patient patient(Services services, UUID patientId) {
        try {
            return services.patients().load(patientId);
        } catch (NoSuchElementException e) {
            throw Ids.noPatient(patientId);
        }
    }

    private static boolean existsElsewhere(Services services, UUID visitId) {
        try {
            services.visits().load(visitId);
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }
}
