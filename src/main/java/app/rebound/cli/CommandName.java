package app.rebound.cli;

import java.util.List;
import java.util.Optional;

/**
 * The command named among the arguments: the first argument that is neither an option nor the folder
 * of {@code --data-dir} or the address of {@code --database}, the options taking a value before the command name. Kept apart
 * from picocli, so that the window's start does not load it to learn that it is not a command.
 */
public final class CommandName {

    private CommandName() {
    }

    /** The name, known or not (an unknown one is reported as such when the command is parsed). */
    public static Optional<String> in(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir") || arg.equals("--database")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }
}
