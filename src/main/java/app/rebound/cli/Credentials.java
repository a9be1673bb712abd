package app.rebound.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** A user name and a password for a command, from its options or the environment. */
record Credentials(String user, char[] password) {

    /**
     * @throws CommandRefused (access refused) when either is missing, or the password file cannot be read
     */
    static Credentials of(CredentialsOption option, Map<String, String> environment) {
        String user = option != null && option.user != null ? option.user : environment.get(CredentialsOption.USER_VARIABLE);
        if (user == null || user.isBlank()) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, "no user: give --user NAME, or set "
                    + CredentialsOption.USER_VARIABLE);
        }
        char[] password;
        if (option != null && option.passwordFile != null) {
            password = readFirstLine(option.passwordFile);
        } else {
            String fromEnvironment = environment.get(CredentialsOption.PASSWORD_VARIABLE);
            if (fromEnvironment == null || fromEnvironment.isEmpty()) {
                throw new CommandRefused(ExitCode.ACCESS_REFUSED, "no password: give --password-file FILE, or set "
                        + CredentialsOption.PASSWORD_VARIABLE);
            }
            password = fromEnvironment.toCharArray();
        }
        return new Credentials(user, password);
    }

    /** The first line of a password file (a new password, for the clinician commands), refused when empty. */
    static char[] readFirstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new CommandRefused(ExitCode.INVALID_INPUT, "the password file " + file + " is empty");
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new CommandRefused(ExitCode.INVALID_INPUT, "no password file " + file);
        } catch (IOException e) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, "the password file " + file + " cannot be read");
        }
    }
}
