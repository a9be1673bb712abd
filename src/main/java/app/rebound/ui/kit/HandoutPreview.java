package app.rebound.ui.kit;

import java.nio.IntBuffer;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.ProgrammeService.PagePixels;

/** The handout's pages as the patient will get them, before saving or printing. */
public final class HandoutPreview {

    private HandoutPreview() {
    }

    /**
     * @param outputScale the screen's output scale the pages were rendered for: each is shown at its size in
     *                    the window's own units, one image pixel to one screen pixel
     */
    public static void show(Window owner, List<PagePixels> pages, double outputScale) {
        double scale = Math.max(1, outputScale);
        VBox column = new VBox(16);
        column.setAlignment(Pos.TOP_CENTER);
        column.setPadding(new Insets(16));
        column.getStyleClass().add("preview-backdrop");
        for (PagePixels page : pages) {
            WritableImage image = new WritableImage(page.width(), page.height());
            image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                    IntBuffer.wrap(page.argb()), page.width());
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(page.width() / scale, 720));
            view.setSmooth(true);
            view.setEffect(new DropShadow(8, Color.rgb(0, 0, 0, 0.25)));
            column.getChildren().add(view);
        }
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(800, 700);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("programme.preview.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("handoutPreview");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setPrefSize(840, 780);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Theme.apply(dialog.getDialogPane());
        dialog.show();
    }
}
