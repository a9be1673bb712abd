package app.rebound.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Who runs a command: {@code --user NAME} and {@code --password-file FILE}, else the environment
 * variables {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}. A password is never an option of its
 * own: it would show in the list of running processes and in the shell's history.
 */
final class CredentialsOption {

    static final String USER_VARIABLE = "REBOUND_USER";
    static final String PASSWORD_VARIABLE = "REBOUND_PASSWORD";

    @Option(names = "--user", paramLabel = "NAME",
            description = "the clinician who runs the command (default: $" + USER_VARIABLE + ")")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "a file whose first line is the password (default: $" + PASSWORD_VARIABLE + ")")
    Path passwordFile;
}
