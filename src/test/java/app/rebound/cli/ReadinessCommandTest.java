package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.CriterionResult;
import app.rebound.domain.visit.ReadinessCriterion;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.service.VisitService;

/** {@code readiness}: the summary of the latest or a named visit, as text or as JSON of a fixed shape. */
class ReadinessCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void jsonHasExactlyTheKeysInOrderAndTheCriteriaInTheOrderOfSection8() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        List<Visit> visits = CliData.visits(folder, zoe);
        Visit latest = visits.get(visits.size() - 1);
        ReadinessSummary expected = VisitService.readiness(latest, zoe, visits);

        Cli.Result result = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", zoe.id().toString(),
                "--json");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = JSON.readTree(result.out());
        assertThat(fieldNames(json)).containsExactly("patient", "visit", "suggestedStage", "refer", "reason",
                "assessNext", "criteria");
        assertThat(json.get("patient").asText()).isEqualTo(zoe.id().toString());
        assertThat(json.get("visit").asText()).isEqualTo(latest.id().toString());
        assertThat(json.get("suggestedStage").asText()).isEqualTo(expected.suggestedStage().name());
        assertThat(json.get("refer").isBoolean()).isTrue();
        assertThat(json.get("refer").asBoolean()).isFalse();
        assertThat(json.get("reason").asText()).isEqualTo(expected.reason());
        assertThat(texts(json.get("assessNext")))
                .containsExactlyElementsOf(expected.assessNext().stream().map(Enum::name).toList());
        JsonNode criteria = json.get("criteria");
        assertThat(criteria).hasSize(ReadinessCriterion.values().length);
        for (int i = 0; i < criteria.size(); i++) {
            JsonNode criterion = criteria.get(i);
            CriterionResult want = expected.criteria().get(i);
            assertThat(fieldNames(criterion)).containsExactly("code", "status", "evidence");
            assertThat(criterion.get("code").asText()).isEqualTo(ReadinessCriterion.values()[i].name());
            assertThat(criterion.get("status").asText()).isEqualTo(want.status().name());
            assertThat(criterion.get("evidence").asText()).isEqualTo(want.evidence());
        }
    }

    @Test
    void aNamedVisitIsSummarisedInsteadOfTheLatest() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        List<Visit> visits = CliData.visits(folder, zoe);
        Visit first = visits.get(0);

        Cli.Result result = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", zoe.id().toString(),
                "--visit", first.id().toString(), "--json");

        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("visit").asText()).isEqualTo(first.id().toString());
        assertThat(json.get("suggestedStage").asText())
                .isEqualTo(VisitService.readiness(first, zoe, visits).suggestedStage().name());
    }

    @Test
    void aRedFlagIsReferWithReferTrue() throws Exception {
        Patient ana = CliData.referred(folder);

        Cli.Result result = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", ana.id().toString(),
                "--json");

        assertThat(result.code()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("suggestedStage").asText()).isEqualTo("REFER");
        assertThat(json.get("refer").asBoolean()).isTrue();
        assertThat(json.get("reason").asText()).isEqualTo(Messages.get("readiness.reason.redFlag"));
        assertThat(json.get("criteria").get(1).get("code").asText()).isEqualTo("NO_RED_FLAGS");
        assertThat(json.get("criteria").get(1).get("status").asText()).isEqualTo("NOT_MET");
    }

    @Test
    void redFlagsNotAskedIsBuildAndSaysToAskThemFirst() throws Exception {
        Patient mia;
        try (var services = CliData.open(folder)) {
            mia = services.patients().save(VisitFixture.patient("Mia", "Berg"));
            Map<StrengthTest, Sides<Integer>> strong =
                    new EnumMap<>(StrengthTest.class);
            for (StrengthTest test : StrengthTest.values()) {
                strong.put(test, Sides.of(25, 25));
            }
            Visit draft = Visit.draft(mia.id(), LocalDate.of(2026, 11, 1),
                    VisitKind.INITIAL);
            services.visits().save(VisitFixture.withStrength(draft, strong));
        }

        Cli.Result json = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", mia.id().toString(),
                "--json");
        Cli.Result text = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", mia.id().toString());

        JsonNode summary = JSON.readTree(json.out());
        assertThat(summary.get("suggestedStage").asText()).isEqualTo("BUILD");
        assertThat(summary.get("reason").asText()).isEqualTo("Ask the red flags before any impact work");
        assertThat(texts(summary.get("assessNext"))).contains("NO_RED_FLAGS");
        assertThat(summary.get("criteria").get(1).get("status").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(text.out()).contains("Suggested stage: 3 Build (BUILD)\nWhy: Ask the red flags before any impact work");
    }

    @Test
    void withoutJsonItIsReadableTextWithEveryCriterion() {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        List<Visit> visits = CliData.visits(folder, zoe);
        Visit latest = visits.get(visits.size() - 1);
        ReadinessSummary expected = VisitService.readiness(latest, zoe, visits);

        Cli.Result result = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", zoe.id().toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Visit " + latest.id()).contains(latest.date().toString())
                .contains("Suggested stage: " + Messages.name(expected.suggestedStage()))
                .contains("Why: " + expected.reason());
        for (CriterionResult criterion : expected.criteria()) {
            assertThat(result.out()).contains(Messages.name(criterion.criterion()));
        }
    }

    @Test
    void aPatientWithoutVisitsHasNoSummary() {
        Patient alone;
        try (var services = CliData.open(folder)) {
            alone = services.patients().save(VisitFixture.patient("Mia", "Berg"));
        }

        Cli.Result result = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", alone.id().toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("patient " + alone.id() + " has no visits");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return Arrays.stream(JSON.convertValue(array, String[].class)).toList();
    }
}
