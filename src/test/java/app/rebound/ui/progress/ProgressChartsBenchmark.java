package app.rebound.ui.progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Scene;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.ProgressService;
import app.rebound.ui.kit.RecordingDialogs;
import app.rebound.ui.kit.SameThreadTaskRunner;
import app.rebound.ui.kit.Theme;

/**
 * A benchmark, not a test: how long a patient with 60 visits takes from her loaded visits to every
 * chart built, laid out and painted (target 100 ms). Run it on a display (or under Xvfb):
 * {@code java -cp "target/classes:target/test-classes:target/lib/*" app.rebound.ui.progress.ProgressChartsBenchmark}
 * or headless with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}.
 */
public final class ProgressChartsBenchmark {

    private ProgressChartsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.UK);
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Patient patient = VisitFixture.patient("Zoë", "Ødegård");
        List<Visit> loaded = VisitFixture.visits(patient, visits, 3);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();

        List<Double> times = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        List<Double> laidOut = new ArrayList<>();
        double firstRun = 0;
        int charts = 0;
        for (int run = 0; run < 40; run++) {
            CompletableFuture<double[]> result = new CompletableFuture<>();
            Platform.runLater(() -> result.complete(drawOnce(patient, loaded)));
            double[] measured = result.get();
            if (run == 0) {
                firstRun = measured[0];
            } else if (run >= 10) {
                times.add(measured[0]);
                data.add(measured[2]);
                laidOut.add(measured[3]);
            }
            charts = (int) measured[1];
        }
        Collections.sort(times);
        Collections.sort(data);
        Collections.sort(laidOut);
        System.out.printf(Locale.ROOT, "progress charts, %d visits, %d charts: first %.1f ms, warm median %.1f ms,"
                + " p90 %.1f ms (target 100 ms)%n", visits, charts, firstRun, times.get(times.size() / 2),
                times.get((int) (times.size() * 0.9)));
        System.out.printf(Locale.ROOT, "  of which: chart data %.1f ms, views built and laid out %.1f ms, the rest"
                + " painting%n", data.get(data.size() / 2), laidOut.get(laidOut.size() / 2));
        Platform.exit();
    }

    /** Builds, lays out and paints every chart on the JavaFX thread; returns {ms, charts drawn, data ms, layout ms}. */
    private static double[] drawOnce(Patient patient, List<Visit> loaded) {
        long start = System.nanoTime();
        ProgressService.Progress progress = ProgressService.of(patient, loaded, "");
        double dataMs = (System.nanoTime() - start) / 1e6;
        ProgressViewModel model = new ProgressViewModel(null, new SameThreadTaskRunner(), patient.id(), new RecordingDialogs());
        model.show(progress);
        ProgressView view = new ProgressView(model, null);
        Scene scene = new Scene(view, 1180, 800);
        Theme.apply(scene);
        view.applyCss();
        view.layout();
        double layoutMs = (System.nanoTime() - start) / 1e6 - dataMs;
        scene.snapshot(null);
        double ms = (System.nanoTime() - start) / 1e6;
        long drawn = view.chartViews().stream().filter(c -> c.drawn() != null && !c.drawn().marks().isEmpty()).count();
        if (drawn != progress.charts().size()) {
            throw new IllegalStateException("Only " + drawn + " of " + progress.charts().size() + " charts drawn");
        }
        return new double[] {ms, drawn, dataMs, layoutMs};
    }
}
