package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.kit.Pictures;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * The visit form for the keyboard: a load test's result and symptoms from single keys, a focus ring on
 * whatever has the focus, and the field with the focus kept in view as Tab walks the form.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VisitKeysUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Visit open(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        Visit saved = window.services().visits().save(new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, TODAY,
                VisitStatus.DRAFT, null, VisitKind.INITIAL, null, null, null, null, null, null, null, null, null,
                null, null)).visit();
        robot.interact(() -> window.navigator().openVisit(zoe.id(), saved.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return saved;
    }

    private static Node focused(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#visitView").query().getScene().getFocusOwner();
    }

    private static List<String> chips(FxRobot robot, String id) {
        return robot.lookup("#" + id + " .chip").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aLoadTestTakesItsResultAndSymptomsFromSingleKeysShownAsChips(FxRobot robot) throws Exception {
        Visit visit = open(robot);
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT8);
        assertThat(focused(robot).getId()).isEqualTo("loadImpact-WALK-result");
        assertThat(robot.lookup("#loadKeys").queryAs(Label.class).getText())
                .contains("P Pass").contains("I Incomplete").contains("L Leakage").contains("A Pain")
                .contains("D Doming");

        robot.write("p"); // a pass is whole: on to the next test
        assertThat(focused(robot).getId()).isEqualTo("loadImpact-SL_BALANCE-left-result");
        robot.write("la"); // leaking and pain: symptoms
        assertThat(chips(robot, "loadImpact-SL_BALANCE-left-result")).containsExactly("Symptoms", "Leakage", "Pain");
        assertThat(robot.lookup("#loadImpact-SL_BALANCE-left-result").query().getAccessibleText())
                .isEqualTo("Single leg balance Left: Symptoms: Leakage, Pain");
        robot.push(KeyCode.TAB);
        assertThat(focused(robot).getId()).isEqualTo("loadImpact-SL_BALANCE-right-result");
        robot.write("ihd").write("d"); // incomplete with heaviness; doming ticked and unticked
        assertThat(chips(robot, "loadImpact-SL_BALANCE-right-result")).containsExactly("Incomplete", "Heaviness");
        Pictures.keep(robot.lookup("#visitView").query().getScene(), "load-impact.png");
        robot.push(KeyCode.TAB).write("s").push(KeyCode.DELETE); // cleared again
        assertThat(chips(robot, "loadImpact-SL_SQUAT-left-result")).isEmpty();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().visits().load(visit.id())
                .loadImpact().size() == 2);
        Visit stored = window.services().visits().load(visit.id());
        assertThat(stored.loadImpact().get(LoadTest.WALK)).isEqualTo(new LoadEntry.Whole(LoadResult.of(TestStatus.PASS)));
        assertThat(stored.loadImpact().get(LoadTest.SL_BALANCE)).isInstanceOfSatisfying(LoadEntry.PerSide.class, per -> {
            assertThat(per.sides().left()).isEqualTo(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE,
                    TestSymptom.PAIN));
            assertThat(per.sides().right()).isEqualTo(LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS));
        });
    }

    @Test
    void tabWalksTheLoadBlockInOneStopForEachTestAndSide(FxRobot robot) throws TimeoutException {
        open(robot);
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT8);
        int stops = 0;
        while (focused(robot).getId() != null && focused(robot).getId().startsWith("loadImpact-")) {
            stops++;
            robot.push(KeyCode.TAB);
        }
        assertThat(stops).as("seven tests, four of them on each side").isEqualTo(11);
        assertThat(focused(robot).getId()).isEqualTo("psfs-activity-0");
    }

    @Test
    void tabAndShiftTabKeepTheFieldWithTheFocusInView(FxRobot robot) throws TimeoutException {
        open(robot);
        Stage shown = (Stage) robot.lookup("#visitView").query().getScene().getWindow();
        robot.interact(() -> {
            shown.setWidth(1024);
            shown.setHeight(700);
        });
        robot.clickOn("#visitDate");
        ScrollPane scroll = robot.lookup("#visitScroll").queryAs(ScrollPane.class);
        List<String> hidden = new ArrayList<>();
        for (boolean back : new boolean[] {false, true}) {
            int steps = 0;
            while (steps++ < 200) {
                if (back) {
                    robot.push(KeyCode.SHIFT, KeyCode.TAB);
                } else {
                    robot.push(KeyCode.TAB);
                }
                Node now = focused(robot);
                if (now == null || (back ? "visitDate" : "visitNotes").equals(now.getId())) {
                    break;
                }
                Bounds field = now.localToScene(now.getLayoutBounds());
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                if (field.getMinY() < view.getMinY() - 0.5 || field.getMaxY() > view.getMaxY() + 0.5) {
                    hidden.add((back ? "back to " : "") + (now.getId() == null ? now.toString() : now.getId()));
                }
            }
            assertThat(steps).as("Tab reached the end").isLessThan(200);
        }
        assertThat(hidden).as("fields given the focus out of view").isEmpty();
    }

    /**
     * A ring: the pixels just outside the control (1 to 2 px from its edge) change when it takes the focus,
     * and change to something that stands out, not a shade.
     */
    @Test
    void everyKindOfFieldShowsAClearFocusRing(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#visitDate");
        List<String> weak = new ArrayList<>();
        String[][] pairs = {
            {"#redFlagsAsked", ".box", "#redFlag-HEAVY_OR_LATE_BLEEDING"},
            {"#redFlag-HEAVY_OR_LATE_BLEEDING", ".box", "#redFlagsAsked"},
            {"#history-breastfeeding", null, "#history-sleepHours"},
            {"#history-sleepHours", null, "#history-breastfeeding"},
            {"#pelvicFloor-notes", null, "#pelvicFloor-standingSubmaxHoldSeconds"},
            {"#loadImpact-WALK-result", null, "#loadImpact-SL_BALANCE-left-result"},
        };
        for (String[] pair : pairs) {
            if (robot.lookup(pair[0]).tryQuery().isEmpty()) {
                weak.add(pair[0] + " missing");
                continue;
            }
            Node target = robot.lookup(pair[0]).query();
            Node ringed = pair[1] == null ? target : target.lookup(pair[1]);
            robot.interact(() -> robot.lookup(pair[2]).query().requestFocus());
            Bounds plainAt = bounds(ringed);
            WritableImage plainShot = shot(target.getScene());
            robot.interact(target::requestFocus);
            Bounds focusedAt = bounds(ringed);
            WritableImage focusedShot = shot(target.getScene());
            Pictures.keep(target.getScene(), "focus" + pair[0].replace("#", "-") + ".png");
            double changed = ringChanged(focusedShot, focusedAt, plainShot, plainAt);
            if (changed < 0.7) {
                weak.add(pair[0] + " " + Math.round(changed * 100) + " %");
            }
        }
        assertThat(weak).as("controls whose ring is missing or faint (share of the ring's pixels that change)").isEmpty();
    }

    private static Bounds bounds(Node node) throws ExecutionException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> node.localToScene(node.getLayoutBounds())).get();
    }

    private static WritableImage shot(Scene scene) throws ExecutionException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    }

    /**
     * The share of the pixels 1 to 2 px outside the control that differ clearly between the picture with the
     * focus and the one without (the form may have scrolled between them: each picture at its own place).
     */
    private static double ringChanged(WritableImage a, Bounds inA, WritableImage b, Bounds inB) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int dx = (int) Math.round(inB.getMinX() - inA.getMinX());
        int dy = (int) Math.round(inB.getMinY() - inA.getMinY());
        int total = 0;
        int changed = 0;
        int minX = (int) Math.floor(inA.getMinX());
        int maxX = (int) Math.ceil(inA.getMaxX());
        int minY = (int) Math.floor(inA.getMinY());
        int maxY = (int) Math.ceil(inA.getMaxY());
        for (int y = minY - 2; y <= maxY + 1; y++) {
            for (int x = minX - 2; x <= maxX + 1; x++) {
                boolean inside = x >= minX && x < maxX && y >= minY && y < maxY;
                if (inside || !within(a, x, y) || !within(b, x + dx, y + dy)) {
                    continue;
                }
                total++;
                Color ca = pa.getColor(x, y);
                Color cb = pb.getColor(x + dx, y + dy);
                double diff = Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                        + Math.abs(ca.getBlue() - cb.getBlue());
                if (diff > 0.45) {
                    changed++;
                }
            }
        }
        return total == 0 ? 0 : (double) changed / total;
    }

    private static boolean within(WritableImage image, int x, int y) {
        return x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight();
    }
}
