package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The task's outcome reaches the right handler; the same-thread runner runs it without the toolkit. */
class BackgroundTaskTest {

    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final List<String> seen = new ArrayList<>();

    @Test
    void successGoesToOnSuccessThenOnFinished() {
        BackgroundTask.wrap(() -> 42)
                .onSuccess(value -> seen.add("success " + value))
                .onFailure(failure -> seen.add("failure"))
                .onFinished(() -> seen.add("finished"))
                .executeWith(runner);
        assertThat(seen).containsExactly("success 42", "finished");
    }

    @Test
    void aFailureGoesToTheFirstHandlerOfItsTypeAndOnlyThere() {
        BackgroundTask.wrap(() -> {
                    throw new IllegalArgumentException("bad");
                })
                .onError(IllegalStateException.class, e -> seen.add("state"))
                .onError(RuntimeException.class, e -> seen.add("runtime " + e.getMessage()))
                .onError(IllegalArgumentException.class, e -> seen.add("argument"))
                .onFailure(failure -> seen.add("any"))
                .onFinished(() -> seen.add("finished"))
                .executeWith(runner);
        assertThat(seen).containsExactly("runtime bad", "finished");
    }

    @Test
    void aFailureNoTypedHandlerTakesGoesToOnFailure() {
        BackgroundTask.wrap(() -> {
                    throw new UncheckedIOException(new IOException("disk"));
                })
                .onError(IllegalStateException.class, e -> seen.add("state"))
                .onFailure(failure -> seen.add("any " + failure.getClass().getSimpleName()))
                .executeWith(runner);
        assertThat(seen).containsExactly("any UncheckedIOException");
    }

    @Test
    void theRunnerIsRunningWhileTheWorkRunsAndTheProgressFollowsTheReports() {
        List<Double> progress = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.withProgress(reporter -> {
            seen.add("running " + runner.runningProperty().get());
            reporter.update(1, 4);
            reporter.update(4, 4);
            return "done";
        });
        task.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));
        assertThat(task.progressProperty().get()).isEqualTo(-1);
        task.onSuccess(seen::add).executeWith(runner);
        assertThat(seen).containsExactly("running true", "done");
        assertThat(progress).containsExactly(0.25, 1.0);
        assertThat(runner.runningProperty().get()).isFalse();
    }

    @Test
    void aDelayRunsItsActionOnlyWhenItsPauseHasPassedWithoutAStop() {
        TaskRunner.Delay delay = runner.delay(Duration.ofMillis(600), () -> seen.add("saved"));
        runner.elapseDelays();
        assertThat(seen).isEmpty();
        delay.restart();
        delay.restart();
        assertThat(delay.pending()).isTrue();
        runner.elapseDelays();
        assertThat(seen).containsExactly("saved");
        delay.restart();
        delay.stop();
        runner.elapseDelays();
        assertThat(seen).containsExactly("saved");
    }
}
