package app.rebound.ui.kit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.testfx.util.WaitForAsyncUtils;

/** For looking at a screen a UI test has reached: with SHOTS_DIR set, a picture of the window is saved there. */
public final class Pictures {

    private Pictures() {
    }

    public static void keep(Scene scene, String name) throws Exception {
        if (System.getenv("SHOTS_DIR") != null) {
            WaitForAsyncUtils.waitForFxEvents();
            write(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(), name);
        }
    }

    /** A picture of one node (a chart scrolled out of view, say). */
    public static void keep(Node node, String name) throws Exception {
        if (System.getenv("SHOTS_DIR") != null) {
            WaitForAsyncUtils.waitForFxEvents();
            write(WaitForAsyncUtils.asyncFx(() -> node.snapshot(new SnapshotParameters(), null)).get(), name);
        }
    }

    private static void write(WritableImage image, String name) throws Exception {
        String folder = System.getenv("SHOTS_DIR");
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(folder));
        ImageIO.write(picture, "png", Path.of(folder, name).toFile());
    }
}
