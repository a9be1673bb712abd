package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Visit;
import app.rebound.service.ProgrammeService;

/**
 * {@code programme --json}: the saved or suggested programme of a visit, in the shape of the issue, run
 * on a real data folder and read back as JSON.
 */
class ProgrammeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("patient", "visit", "source", "stage", "suggestedStage",
            "reviewInWeeks", "exercises", "walkRun", "stageReason");
    private static final List<String> EXERCISE_KEYS = List.of("exercise", "name", "sets", "reps", "holdSeconds",
            "timesPerDay", "daysPerWeek", "notes", "reasons");
    private static final List<String> WEEK_KEYS = List.of("week", "sessionsPerWeek", "runSeconds", "walkSeconds",
            "repeats");

    @TempDir
    Path folder;

    private Cli.Result programme(String... options) {
        List<String> args = new ArrayList<>(List.of("programme", "--data-dir", folder.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void withoutASavedProgrammeItPrintsTheSuggestionTheBuilderWouldStartFrom() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        List<Visit> visits = CliData.visits(folder, zoe);
        Visit latest = visits.get(visits.size() - 1);
        ProgrammeService.Context expected;
        try (var services = CliData.open(folder)) {
            expected = services.programmes().open(latest.id());
        }
        assertThat(expected.saved()).isFalse();

        Cli.Result result = programme("--patient", zoe.id().toString(), "--json");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = JSON.readTree(result.out());
        assertThat(fieldNames(json)).containsExactlyElementsOf(KEYS);
        assertThat(json.get("patient").asText()).isEqualTo(zoe.id().toString());
        assertThat(json.get("visit").asText()).isEqualTo(latest.id().toString());
        assertThat(json.get("source").asText()).isEqualTo("SUGGESTED");
        assertSameProgramme(json, expected.programme(), expected);
        assertThat(json.get("suggestedStage").asText()).isEqualTo(expected.readiness().suggestedStage().name());
        assertThat(json.get("exercises")).isNotEmpty();
        for (JsonNode exercise : json.get("exercises")) {
            assertThat(exercise.get("reasons")).as("every exercise says why it is there").isNotEmpty();
        }
    }

    @Test
    void aSavedProgrammeIsPrintedAsSavedWithItsDosesNotesReasonsAndWalkRunPlan() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        Visit first = CliData.visits(folder, zoe).get(0);
        Programme saved;
        try (var services = CliData.open(folder)) {
            // walk-run at her first visit is ahead of what the rules allow: chosen on the visit, with its reason
            services.visits().save(first.withStage(Stage.WALK_RUN, "Ran through pregnancy; cleared by her GP"), null,
                    "Stage chosen after the visit");
            ProgrammeService.Context context = services.programmes().open(first.id());
            Programme walkRun = services.programmes().suggest(context, Stage.WALK_RUN);
            assertThat(walkRun.walkRun()).as("a walk-run suggestion has a plan").isNotEmpty();
            List<ProgrammeItem> items = new ArrayList<>(walkRun.exercises());
            items.add(new ProgrammeItem("goblet-squat", new Dose(2, 8, 0, 1, 3), "Slowly, with the ball – Zoë",
                    List.of("CLINICIAN")));
            saved = new Programme(Stage.WALK_RUN, walkRun.suggestedStage(), items, walkRun.walkRun(), 6);
            services.programmes().save(first.id(), saved);
        }

        Cli.Result result = programme("--patient", zoe.id().toString(), "--visit", first.id().toString(), "--json");

        assertThat(result.code()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(fieldNames(json)).containsExactlyElementsOf(KEYS);
        assertThat(json.get("visit").asText()).isEqualTo(first.id().toString());
        assertThat(json.get("source").asText()).isEqualTo("SAVED");
        assertThat(json.get("stage").asText()).isEqualTo("WALK_RUN");
        assertThat(json.get("reviewInWeeks").asInt()).isEqualTo(6);
        try (var services = CliData.open(folder)) {
            assertSameProgramme(json, saved, services.programmes().open(first.id()));
        }
        JsonNode added = json.get("exercises").get(saved.exercises().size() - 1);
        assertThat(added.get("notes").asText()).isEqualTo("Slowly, with the ball – Zoë");
        assertThat(texts(added.get("reasons"))).containsExactly("CLINICIAN");
        // non-ASCII is escaped, so the output is the same bytes whatever the console's encoding
        assertThat(result.out()).doesNotContain("Zoë").contains("Zo\\u00EB");
    }

    @Test
    void theReasonForAStageAheadOfTheSuggestionIsPrintedWithTheVisitsProgrammeAndReadiness() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Patient zoe = seeded.zoe();
        List<Visit> visits = CliData.visits(folder, zoe);
        Visit latest = visits.get(visits.size() - 1);
        try (var services = CliData.open(folder)) {
            services.visits().save(latest.withStage(Stage.RUN, "Ran marathons before; Zoë wants Parkrun"), null,
                    "Stage chosen after the visit");
        }

        Cli.Result result = programme("--patient", zoe.id().toString(), "--json");

        assertThat(result.code()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("stage").asText()).isEqualTo("RUN");
        assertThat(json.get("stageReason").asText()).isEqualTo("Ran marathons before; Zoë wants Parkrun");
        Cli.Result readiness = Cli.run("readiness", "--data-dir", folder.toString(), "--patient", zoe.id().toString());
        assertThat(readiness.out()).contains("Stage chosen: 6 Run (RUN)\nWhy this stage: Ran marathons before; Zoë wants Parkrun\n");
        // without a reason the key is there, null
        assertThat(JSON.readTree(programme("--patient", seeded.li().id().toString(), "--json").out())
                .get("stageReason").isNull()).isTrue();
    }

    @Test
    void aReferVisitHasNoProgrammeExitTwoWithTheReason() {
        Patient ana = CliData.referred(folder);

        Cli.Result result = programme("--patient", ana.id().toString(), "--json");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("no programme for visit ")
                .contains("red flag").doesNotContain("Ana").doesNotContain("O'Neil");
    }

    @Test
    void badIdsAreRefusedWithExitTwoAndSayWhatIsWrong() {
        CliData.Seeded seeded = CliData.seed(folder);
        UUID unknown = UUID.randomUUID();
        Visit ofLi = CliData.visits(folder, seeded.li()).get(0);
        String zoe = seeded.zoe().id().toString();

        Cli.Result noPatient = programme("--patient", unknown.toString(), "--json");
        assertThat(noPatient.code()).isEqualTo(2);
        assertThat(noPatient.err().strip()).isEqualTo("no patient with id " + unknown);

        Cli.Result noVisit = programme("--patient", zoe, "--visit", unknown.toString(), "--json");
        assertThat(noVisit.code()).isEqualTo(2);
        assertThat(noVisit.err().strip()).isEqualTo("no visit with id " + unknown);

        Cli.Result another = programme("--patient", zoe, "--visit", ofLi.id().toString(), "--json");
        assertThat(another.code()).isEqualTo(2);
        assertThat(another.err().strip()).isEqualTo("visit " + ofLi.id() + " is not a visit of patient " + zoe);

        Cli.Result malformed = programme("--patient", "zoe", "--json");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.errLines()).singleElement().asString().contains("zoe");

        for (Cli.Result refused : List.of(noPatient, noVisit, another, malformed)) {
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).doesNotContain("Exception").doesNotContain("Zoë").doesNotContain("李");
        }
    }

    @Test
    void withoutJsonOrCredentialsItIsRefusedLikeTheOtherCommands() {
        CliData.Seeded seeded = CliData.seed(folder);
        String zoe = seeded.zoe().id().toString();

        Cli.Result noJson = programme("--patient", zoe);
        assertThat(noJson.code()).isEqualTo(1);
        assertThat(noJson.err()).contains("--json");

        Cli.Result noUser = Cli.runBare(Map.of(), "programme", "--data-dir", folder.toString(), "--patient", zoe,
                "--json");
        assertThat(noUser.code()).isEqualTo(3);
        assertThat(noUser.out()).isEmpty();
    }

    private static void assertSameProgramme(JsonNode json, Programme programme, ProgrammeService.Context context) {
        assertThat(json.get("stage").asText()).isEqualTo(programme.stage().name());
        if (programme.reviewInWeeks() == null) {
            assertThat(json.get("reviewInWeeks").isNull()).isTrue();
        } else {
            assertThat(json.get("reviewInWeeks").asInt()).isEqualTo(programme.reviewInWeeks());
        }
        JsonNode exercises = json.get("exercises");
        assertThat(exercises).hasSize(programme.exercises().size());
        for (int i = 0; i < exercises.size(); i++) {
            JsonNode e = exercises.get(i);
            ProgrammeItem item = programme.exercises().get(i);
            assertThat(fieldNames(e)).containsExactlyElementsOf(EXERCISE_KEYS);
            assertThat(e.get("exercise").asText()).isEqualTo(item.exercise());
            assertThat(e.get("name").asText()).isEqualTo(context.exercise(item.exercise()).orElseThrow().name());
            assertThat(e.get("sets").asInt()).isEqualTo(item.dose().sets());
            assertThat(e.get("reps").asInt()).isEqualTo(item.dose().reps());
            assertThat(e.get("holdSeconds").asInt()).isEqualTo(item.dose().holdSeconds());
            assertThat(e.get("timesPerDay").asInt()).isEqualTo(item.dose().timesPerDay());
            assertThat(e.get("daysPerWeek").asInt()).isEqualTo(item.dose().daysPerWeek());
            assertThat(e.get("notes").isNull() ? null : e.get("notes").asText()).isEqualTo(item.notes());
            assertThat(texts(e.get("reasons"))).containsExactlyElementsOf(item.reasons());
        }
        JsonNode weeks = json.get("walkRun");
        assertThat(weeks.isArray()).isTrue();
        assertThat(weeks).hasSize(programme.walkRun().size());
        for (int i = 0; i < weeks.size(); i++) {
            JsonNode w = weeks.get(i);
            WalkRunWeek week = programme.walkRun().get(i);
            assertThat(fieldNames(w)).containsExactlyElementsOf(WEEK_KEYS);
            assertThat(List.of(w.get("week").asInt(), w.get("sessionsPerWeek").asInt(), w.get("runSeconds").asInt(),
                    w.get("walkSeconds").asInt(), w.get("repeats").asInt()))
                    .containsExactly(week.week(), week.sessionsPerWeek(), week.runSeconds(), week.walkSeconds(),
                            week.repeats());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
