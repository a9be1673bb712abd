package app.rebound.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.service.ProgrammeService;

/**
 * A visit's programme as JSON for scripts: the record format's PROGRAMME object ({@code stage},
 * {@code suggestedStage}, {@code reviewInWeeks}, {@code exercises}, {@code walkRun}) with the patient,
 * the visit, where it came from (SAVED or SUGGESTED), each exercise's name and the reasons it is
 * there (clinical reference §9), and the clinician's reason for choosing the visit's stage ahead of the
 * suggestion. Keys always present, in this order; a value not set is null.
 */
final class ProgrammeJson {

    /** Where the programme came from. */
    enum Source {
        /** Saved for the visit in the programme builder, or imported with it. */
        SAVED,
        /** Not saved: the one Rebound suggests for the visit, as the builder would start from. */
        SUGGESTED
    }

    private ProgrammeJson() {
    }

    static String write(ProgrammeService.Context context) {
        Programme programme = context.programme();
        ObjectNode root = CommandJson.object();
        root.put("patient", context.patient().id().toString());
        root.put("visit", context.visit().id().toString());
        root.put("source", (context.saved() ? Source.SAVED : Source.SUGGESTED).name());
        root.put("stage", programme.stage().name());
        // a programme saved without the suggestion of its day shows the suggestion of today
        SuggestedStage suggested = programme.suggestedStage() != null ? programme.suggestedStage()
                : context.readiness().suggestedStage();
        root.put("suggestedStage", suggested.name());
        root.put("reviewInWeeks", programme.reviewInWeeks());
        ArrayNode exercises = root.putArray("exercises");
        for (ProgrammeItem item : programme.exercises()) {
            ObjectNode node = exercises.addObject();
            node.put("exercise", item.exercise());
            node.put("name", context.exercise(item.exercise()).map(Exercise::name).orElse(item.exercise()));
            node.put("sets", item.dose().sets());
            node.put("reps", item.dose().reps());
            node.put("holdSeconds", item.dose().holdSeconds());
            node.put("timesPerDay", item.dose().timesPerDay());
            node.put("daysPerWeek", item.dose().daysPerWeek());
            node.put("notes", item.notes());
            ArrayNode reasons = node.putArray("reasons");
            item.reasons().forEach(reasons::add);
        }
        ArrayNode walkRun = root.putArray("walkRun");
        for (WalkRunWeek week : programme.walkRun()) {
            ObjectNode node = walkRun.addObject();
            node.put("week", week.week());
            node.put("sessionsPerWeek", week.sessionsPerWeek());
            node.put("runSeconds", week.runSeconds());
            node.put("walkSeconds", week.walkSeconds());
            node.put("repeats", week.repeats());
        }
        // why the clinician chose the visit's stage ahead of the suggestion (kept with the visit, not in files)
        root.put("stageReason", context.visit().stageReason());
        return CommandJson.write(root);
    }
}
