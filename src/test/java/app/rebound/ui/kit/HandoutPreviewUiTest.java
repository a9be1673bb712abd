package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.service.ProgrammeService.PagePixels;
import app.rebound.service.ProgrammeService.PreviewPages;

/**
 * The handout preview shows page 1 as soon as it is rendered, while the later pages are still to come
 * (it rendered every page before showing any: about 10 s on a busy machine). The pages here are made
 * by a stand-in whose page 2 waits until the test lets it go, so the order is certain, not timed.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HandoutPreviewUiTest {

    private Stage stage;
    private final CountDownLatch letPage2Go = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 1024, 700));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        letPage2Go.countDown();
        FxToolkit.cleanupStages();
    }

    /** Three small pages; page 2 (index 1) is rendered only once the test lets it go. */
    private final class Pages implements PreviewPages {
        final Set<Integer> rendered = ConcurrentHashMap.newKeySet();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public int count() {
            return 3;
        }

        @Override
        public PagePixels page(int index) {
            if (index == 1) {
                try {
                    letPage2Go.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int[] white = new int[200 * 280];
            Arrays.fill(white, 0xffffffff);
            rendered.add(index);
            return new PagePixels(200, 280, white);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static boolean shown(FxRobot robot, int page) {
        return robot.lookup("#previewPage-" + page).tryQuery()
                .map(frame -> ((ImageView) ((StackPane) frame).getChildren().get(0)).getImage() != null)
                .orElse(false);
    }

    @Test
    void pageOneShowsBeforeTheLaterPagesAreRendered(FxRobot robot) throws Exception {
        Pages pages = new Pages();
        @SuppressWarnings("unchecked")
        Dialog<Void>[] dialog = new Dialog[1];
        robot.interact(() -> dialog[0] = HandoutPreview.show(stage, () -> pages, 1, failure -> { }));

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, 0));
        assertThat(pages.rendered).as("page 2 is still being rendered").doesNotContain(1);
        assertThat(shown(robot, 1)).isFalse();
        assertThat(robot.lookup("#handoutPreview .image-view").queryAll()).as("a place for every page").hasSize(3);

        letPage2Go.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, 1) && shown(robot, 2));
        assertThat(pages.rendered).containsExactlyInAnyOrderElementsOf(List.of(0, 1, 2));

        robot.interact(() -> dialog[0].close());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, pages.closed::get);
    }
}
