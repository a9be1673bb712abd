package app.rebound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The X display the windows open on: $DISPLAY, or an Xvfb the suite starts (and stops) itself. */
final class Display implements AutoCloseable {

    private static String described = "none";

    private final String name;
    private final Process xvfb;

    private Display(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static Display open() throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            described = "$DISPLAY " + existing;
            return new Display(existing, null);
        }
        for (int number = 99; number < 120; number++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process process = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && process.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                    described = "Xvfb :" + number + " (1366x768x24), started by the suite";
                    return new Display(":" + number, process);
                }
                Thread.sleep(100);
            }
            process.destroy();
        }
        throw new IOException("no display: DISPLAY is unset and Xvfb could not be started");
    }

    static String described() {
        return described;
    }

    Map<String, String> environment() {
        return Map.of("DISPLAY", name);
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
