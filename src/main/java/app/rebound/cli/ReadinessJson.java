package app.rebound.cli;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.rebound.domain.visit.CriterionResult;
import app.rebound.domain.visit.ReadinessCriterion;
import app.rebound.domain.visit.ReadinessSummary;

/**
 * The readiness summary as JSON for scripts: codes and stages as in clinical reference section 8,
 * the criteria in its order, keys always present and always in this order.
 */
final class ReadinessJson {

    private ReadinessJson() {
    }

    static String write(UUID patientId, UUID visitId, ReadinessSummary summary) {
        ObjectNode root = CommandJson.object();
        root.put("patient", patientId.toString());
        root.put("visit", visitId.toString());
        root.put("suggestedStage", summary.suggestedStage().name());
        root.put("refer", summary.refer());
        root.put("reason", summary.reason());
        ArrayNode assessNext = root.putArray("assessNext");
        for (ReadinessCriterion criterion : summary.assessNext()) {
            assessNext.add(criterion.name());
        }
        ArrayNode criteria = root.putArray("criteria");
        for (CriterionResult result : summary.criteria()) {
            ObjectNode node = criteria.addObject();
            node.put("code", result.criterion().name());
            node.put("status", result.status().name());
            node.put("evidence", result.evidence());
        }
        return CommandJson.write(root);
    }
}
