package app.rebound.cli;

import picocli.CommandLine.Mixin;

/**
 * The options every data command takes after its own: who runs it ({@code --user}, {@code --password-file}),
 * the data folder ({@code --data-dir}), the clinic's server ({@code --database}) and {@code --help}, in that order in its help.
 */
final class CommandOptions {

    /** The name of this mixin in a command's spec, where {@link Commands} finds the credentials. */
    static final String NAME = "options";

    @Mixin
    CredentialsOption credentials;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    DatabaseOption database;

    @Mixin
    HelpOption help;
}
