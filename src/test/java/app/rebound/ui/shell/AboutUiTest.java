package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Messages;
import app.rebound.service.ProductInfo;

/** Help, About in the real window: the version, the runtime, every component with its licence, the notices. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AboutUiTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private static void clickText(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Labeled l
                && text.equals(l.getText() == null ? null : l.getText().replace("_", "")) && n.isVisible()).tryQuery()
                .isPresent());
        Node node = robot.lookup(n -> n instanceof Labeled l
                && text.equals(l.getText() == null ? null : l.getText().replace("_", "")) && n.isVisible()).query();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void helpAboutShowsTheVersionEveryComponentWithItsLicenceAndTheNotices(FxRobot robot) throws Exception {
        waitUntilReady();
        clickText(robot, Messages.get("menu.help").replace("_", ""));
        clickText(robot, Messages.get("menu.help.about").replace("_", ""));
        WaitForDialog.open(robot, "#aboutDialog");
        @SuppressWarnings("unchecked")
        TableView<ProductInfo.Component> table = robot.lookup("#aboutComponents").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#aboutVersion").queryLabeled().getText())
                .isEqualTo(Messages.format("about.version", ProductInfo.version(), ProductInfo.built()));
        assertThat(robot.lookup("#aboutRuntime").queryLabeled().getText()).contains(System.getProperty("java.version"));
        assertThat(table.getItems()).extracting(ProductInfo.Component::name)
                .contains("com.h2database:h2", "org.apache.pdfbox:pdfbox", "com.nulab-inc:zxcvbn", "Nanum Gothic (font)")
                .doesNotHaveDuplicates();
        assertThat(table.getItems()).allSatisfy(c -> assertThat(c.licence()).isNotBlank());
        assertThat(robot.lookup("#aboutNotices").queryAs(TextArea.class).getText())
                .contains("Apache License", "Mozilla Public License", "Copyright (c) 2016 Nulab Inc.");
        robot.push(KeyCode.ESCAPE);
        WaitForDialog.closed(robot, "#aboutDialog");
    }
}
