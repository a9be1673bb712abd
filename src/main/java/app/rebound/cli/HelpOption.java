package app.rebound.cli;

import picocli.CommandLine.Option;

/** {@code --help} on every command. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean requested;
}
