package app.rebound.ui.about;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.ProductInfo;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/** Help, About Rebound: what it is, what it is made of, and the notices its parts ask to be passed on. */
public final class AboutDialog {

    private AboutDialog() {
    }

    public static void show(Window owner, AboutViewModel model) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("about.title"));
        dialog.setHeaderText(Messages.get("app.name"));
        dialog.setResizable(true);

        Label version = new Label();
        version.setId("aboutVersion");
        version.textProperty().bind(model.version());
        Label runtime = new Label();
        runtime.setId("aboutRuntime");
        runtime.textProperty().bind(model.runtime());
        Label purpose = new Label(Messages.get("about.purpose"));
        purpose.setWrapText(true);
        // wrapped to the table's width (unwrapped, the line made the dialog wider than the screen)
        purpose.maxWidthProperty().bind(Em.px(680));
        purpose.setMinHeight(Region.USE_PREF_SIZE);

        TableView<ProductInfo.Component> table = new TableView<>(model.components());
        table.setId("aboutComponents");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("about.component", ProductInfo.Component::name, 300));
        table.getColumns().add(column("about.componentVersion", ProductInfo.Component::version, 90));
        table.getColumns().add(column("about.licence", ProductInfo.Component::licence, 220));
        table.setPlaceholder(new Label(Messages.get("about.loading")));

        TextArea notices = new TextArea();
        notices.setId("aboutNotices");
        notices.setEditable(false);
        notices.setWrapText(false);
        notices.textProperty().bind(model.notices());
        notices.setStyle("-fx-font-family: monospace;");

        Tab parts = new Tab(Messages.get("about.components"), table);
        Tab texts = new Tab(Messages.get("about.notices"), notices);
        TabPane tabs = new TabPane(parts, texts);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.prefWidthProperty().bind(Em.px(680));
tabs.prefHeightProperty().bind(Em.px(360));

        VBox content = new VBox(8, version, runtime, purpose, tabs);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().prefWidthProperty().bind(Em.px(730));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("aboutDialog");
        Theme.apply(dialog.getDialogPane());
        model.load();
        dialog.showAndWait();
    }

    private static TableColumn<ProductInfo.Component, String> column(String key,
            Function<ProductInfo.Component, String> value, double width) {
        TableColumn<ProductInfo.Component, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
