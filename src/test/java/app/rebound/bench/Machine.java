package app.rebound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.join("\n",
                "- CPU: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM",
                "- RAM: " + memory(),
                "- OS: " + os(),
                "- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                "- Display: " + Display.described(),
                "- Load average (1 min) at the start of the suite: " + startLoad + ", at the end: " + loadAverage()
                        + " (other work on the machine makes the figures noisier; compare ratios)");
    }

    private static String startLoad = loadAverage();

    /** Call when the suite starts. */
    static void noteStart() {
        startLoad = loadAverage();
    }

    static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        return lines.isEmpty() ? "unknown" : lines.get(0).split(" ")[0];
    }

    private static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static String os() {
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring(12).replace("\"", "") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version");
            }
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
