package app.rebound.cli;

import picocli.CommandLine.Option;

/** {@code --data-dir DIR}, accepted before and after the command name. */
final class DataDirOption {

    static final String NAME = "--data-dir";

    @Option(names = NAME, paramLabel = "DIR",
            description = "the folder of the records (default: $REBOUND_HOME, else the usual folder of this "
                    + "computer's user); before or after the command name")
    String value;
}
