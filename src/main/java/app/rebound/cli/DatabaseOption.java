package app.rebound.cli;

import picocli.CommandLine.Option;

/** {@code --database URL}: the clinic's PostgreSQL server, accepted before and after the command name. */
final class DatabaseOption {

    static final String NAME = "--database";

    @Option(names = NAME, paramLabel = "URL",
            description = "the clinic's PostgreSQL server, postgresql://HOST[:PORT]/DATABASE (default: "
                    + "$REBOUND_DATABASE; without either, the records of the data folder on this computer)")
    String value;
}
