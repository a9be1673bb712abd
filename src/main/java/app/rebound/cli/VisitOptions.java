package app.rebound.cli;

import java.util.UUID;

import app.rebound.service.Services;
import picocli.CommandLine.Option;

/**
 * {@code --patient ID [--visit ID]}: the visit a command is about (see {@link ChosenVisit}), its ids checked
 * before anything is opened or logged.
 */
final class VisitOptions {

    @Option(names = "--patient", paramLabel = "ID", required = true, description = "the patient's id")
    String patient;

    @Option(names = "--visit", paramLabel = "ID", description = "the visit's id (default: her latest visit)")
    String visit;

    private UUID patientId;
    private UUID visitId;

    /** Checks the ids, throwing {@link CommandRefused} for one that is not an id. */
    void check() {
        patientId = Ids.patient(patient);
        visitId = visit == null ? null : Ids.visit(visit);
    }

    UUID patientId() {
        return patientId;
    }

    /** The visit named, else her latest, refused when she or it is not in the records. */
    ChosenVisit choose(Services services) {
        return ChosenVisit.of(services, patientId, visitId);
    }
}
