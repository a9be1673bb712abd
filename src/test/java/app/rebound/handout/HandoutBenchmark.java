package app.rebound.handout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import app.rebound.domain.PaperSize;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.visit.Stage;

/**
 * Benchmark, not a test: how long a 12-exercise handout takes to render once warm (target 300 ms).
 * Run: {@code java -cp target/classes:target/test-classes:<deps> app.rebound.handout.HandoutBenchmark}.
 */
public final class HandoutBenchmark {

    private HandoutBenchmark() {
    }

    public static void main(String[] args) {
        Handout base = HandoutSamples.forStage(Stage.WALK_RUN, "Zoë Ødegård 李小龙", PaperSize.A4);
        List<Handout.Item> items = new ArrayList<>();
        for (var exercise : ExerciseLibrary.shipped()) {
            if (items.size() == 12) {
                break;
            }
            items.add(new Handout.Item(exercise, exercise.defaultDose(), null));
        }
        Handout handout = new Handout(base.clinicName(), null, base.clinicianName(), base.paper(), base.patientName(),
                base.date(), base.stage(), items, base.walkRun(), base.reviewInWeeks());
        HandoutRenderer renderer = new HandoutRenderer();
        long first = System.nanoTime();
        renderer.render(handout);
        long cold = System.nanoTime() - first;
        for (int i = 0; i < 30; i++) {
            renderer.render(handout);
        }
        long[] runs = new long[31];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            renderer.render(handout);
            runs[i] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        System.out.printf("12-exercise handout: first %d ms; warm median %d ms (min %d, max %d) over %d runs%n",
                cold / 1_000_000, runs[runs.length / 2] / 1_000_000, runs[0] / 1_000_000,
                runs[runs.length - 1] / 1_000_000, runs.length);
    }
}
