package app.rebound.handout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.PaperSize;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeSuggester;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;

/** Handouts to render in tests and for the docs. */
final class HandoutSamples {

    static final PelvicFloorExam FLOOR = new PelvicFloorExam(null, 3, 6, 5, 8, null, null, null, null, null, null,
            null);

    private HandoutSamples() {
    }

    static Handout forStage(Stage stage, String name, PaperSize paper) {
        Visit visit = new Visit(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, LocalDate.of(2026, 11, 22), null,
                null, VisitKind.INITIAL, null, null, Set.of(), FLOOR, null, null, null, null, stage, null, null);
        Programme programme = ProgrammeSuggester.shipped().suggest(stage, SuggestedStage.valueOf(stage == Stage.RUN
                ? "WALK_RUN" : stage.name()), visit, null);
        List<Handout.Item> items = programme.exercises().stream()
                .map(i -> new Handout.Item(ExerciseLibrary.byCode(i.exercise()).orElseThrow(), i.dose(), i.notes()))
                .toList();
        List<Handout.WalkRunRow> weeks = programme.walkRun().stream()
                .map(w -> new Handout.WalkRunRow(w.week(), w.sessionsPerWeek(), w.runSeconds(), w.walkSeconds(),
                        w.repeats()))
                .toList();
        return new Handout("Fjord Physio — Bergen", null, "Ingrid Hansen", paper, name, LocalDate.of(2026, 11, 22),
                stage, items, weeks, programme.reviewInWeeks());
    }

    /** Writes a sample handout: {@code java ... HandoutSamples out.pdf [STAGE]}. */
    public static void main(String[] args) throws Exception {
        Stage stage = args.length > 1 ? Stage.valueOf(args[1]) : Stage.WALK_RUN;
        Handout handout = forStage(stage, "Zoë Ødegård", PaperSize.A4);
        if (args.length > 2) {
            byte[] logo = Files.readAllBytes(Path.of(args[2]));
            handout = new Handout(handout.clinicName(), new ClinicLogo(
                    ClinicLogo.detectMediaType(logo), logo), handout.clinicianName(), handout.paper(),
                    handout.patientName(), handout.date(), handout.stage(), handout.exercises(), handout.walkRun(),
                    handout.reviewInWeeks());
        }
        byte[] pdf = new HandoutRenderer().render(handout);
        Files.write(Path.of(args[0]), pdf);
    }
}
