package app.rebound.ui.kit;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.ProgrammeService.PagePixels;
import app.rebound.service.ProgrammeService.PreviewPages;

/**
 * The handout's pages as the patient will get them, before saving or printing. The window opens at
 * once; the PDF is read and its pages rendered on a thread of the preview's own, never the JavaFX
 * thread: page 1 first, shown as soon as it is ready, then each further page when it is scrolled into
 * view (or next to it). Rendering every page before showing any took about 10 s on a busy machine.
 */
public final class HandoutPreview {

    /** The widest a page is shown, in the window's units. */
    private static final double MAX_PAGE_WIDTH = 720;

    private final double scale;
    private final ExecutorService renderer;
    private final Consumer<Throwable> onFailure;
    private final VBox column = new VBox(16);
    private final ScrollPane scroll = new ScrollPane(column);
    private final List<StackPane> frames = new ArrayList<>();
    private final List<Boolean> asked = new ArrayList<>();
    private final Dialog<Void> dialog = new Dialog<>();
    private PreviewPages pages;
    private volatile boolean closed;

    private HandoutPreview(double outputScale, Consumer<Throwable> onFailure) {
        this.scale = Math.max(1, Double.isFinite(outputScale) ? outputScale : 1);
        this.onFailure = onFailure;
        this.renderer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebound-preview");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the preview over {@code owner} at once and fills it as the pages come.
     *
     * @param open        reads the handout for its pages (called on the preview's thread, as is each page)
     * @param outputScale the screen's output scale the pages are rendered for: each is shown at its size in
     *                    the window's own units, one image pixel to one screen pixel
     * @param onFailure   told, on the JavaFX thread, when the pages cannot be read or rendered
     */
    public static Dialog<Void> show(Window owner, Callable<PreviewPages> open, double outputScale,
            Consumer<Throwable> onFailure) {
        HandoutPreview preview = new HandoutPreview(outputScale, onFailure);
        preview.open(owner, open);
        return preview.dialog;
    }

    private void open(Window owner, Callable<PreviewPages> open) {
        column.setAlignment(Pos.TOP_CENTER);
        column.setPadding(new Insets(16));
        column.getStyleClass().add("preview-backdrop");
        BusySpinner busy = new BusySpinner(32);
        busy.setShowing(true);
        column.getChildren().add(busy);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(800, 700);
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("programme.preview.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("handoutPreview");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setPrefSize(840, 780);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Theme.apply(dialog.getDialogPane());
        dialog.setOnHidden(e -> close());
        scroll.vvalueProperty().addListener((obs, old, now) -> askForShownPages());
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> askForShownPages());
        column.heightProperty().addListener((obs, old, now) -> askForShownPages());
        dialog.show();
        renderer.execute(() -> {
            try {
                PreviewPages opened = open.call();
                int count = opened.count();
                PagePixels first = count == 0 ? null : opened.page(0);
                Platform.runLater(() -> {
                    if (!closed) {
                        pages = opened;
                    }
                    if (closed) {
                        // the preview's thread is done with it: closed before the first page came
                        opened.close();
                        return;
                    }
                    lay(count, first);
                });
            } catch (Exception | Error failure) {
                Platform.runLater(() -> {
                    dialog.close();
                    onFailure.accept(failure);
                });
            }
        });
    }

    /** A frame for each page, the size of the first; the first page in it; the pages in view asked for. */
    private void lay(int count, PagePixels first) {
        column.getChildren().clear();
        if (first == null) {
            return;
        }
        double width = Math.min(first.width() / scale, MAX_PAGE_WIDTH);
        double height = width * first.height() / first.width();
        for (int i = 0; i < count; i++) {
            ImageView view = new ImageView();
            view.setPreserveRatio(true);
            view.setFitWidth(width);
            view.setSmooth(true);
            StackPane frame = new StackPane(view);
            frame.setId("previewPage-" + i);
            frame.getStyleClass().add("preview-page");
            frame.setMinSize(width, height);
            frame.setPrefSize(width, height);
            frame.setMaxSize(width, height);
            frame.setEffect(new DropShadow(8, Color.rgb(0, 0, 0, 0.25)));
            frames.add(frame);
            asked.add(i == 0);
            column.getChildren().add(frame);
        }
        // the frames are placed at the next layout, which changes the column's height: then the pages in
        // view are asked for
        showPage(0, first);
    }

    /** Renders each page in view, or the one after the last in view, that has not been asked for yet. */
    private void askForShownPages() {
        if (pages == null || closed || frames.isEmpty()) {
            return;
        }
        Bounds viewport = scroll.getViewportBounds();
        double contentHeight = column.getBoundsInLocal().getHeight();
        double top = Math.max(0, scroll.getVvalue() * (contentHeight - viewport.getHeight()));
        // a page ahead of what is shown, so that the next one is there when she scrolls to it
        double bottom = top + viewport.getHeight() + frames.get(0).getPrefHeight();
        for (int i = 0; i < frames.size(); i++) {
            Bounds frame = frames.get(i).getBoundsInParent();
            if (!asked.get(i) && frame.getMaxY() >= top && frame.getMinY() <= bottom) {
                asked.set(i, true);
                int index = i;
                PreviewPages source = pages;
                renderer.execute(() -> {
                    if (closed) {
                        return;
                    }
                    try {
                        PagePixels page = source.page(index);
                        Platform.runLater(() -> showPage(index, page));
                    } catch (RuntimeException | Error failure) {
                        Platform.runLater(() -> onFailure.accept(failure));
                    }
                });
            }
        }
    }

    private void showPage(int index, PagePixels page) {
        if (closed) {
            return;
        }
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(page.argb()), page.width());
        ((ImageView) frames.get(index).getChildren().get(0)).setImage(image);
    }

    /** The window closed: the pages still asked for are not rendered, and the PDF is let go. */
    private void close() {
        closed = true;
        PreviewPages open = pages;
        if (open != null) {
            renderer.execute(open::close);
        }
        renderer.shutdown();
    }
}
