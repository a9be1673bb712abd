package app.rebound.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.ServerAddress;
import app.rebound.store.ServerChoiceFile;

/**
 * The clinic's server a workstation's window signs in to: given with {@code --database}, by
 * {@code REBOUND_DATABASE}, or chosen in the window's first start (host, port and database) and then kept in
 * the data folder, without any user name or password. A host other than this computer is reached only over
 * TLS with its certificate checked (see {@link ServerAddress}).
 */
public final class ServerChoice {

    /** PostgreSQL's port, when none is given. */
    public static final int DEFAULT_PORT = ServerAddress.DEFAULT_PORT;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern DATABASE = Pattern.compile("[\\p{L}\\p{N}_$-]{1,63}");

    private final ServerAddress address;

    ServerChoice(ServerAddress address) {
        this.address = address;
    }

    /**
     * The server typed in the window's form.
     *
     * @throws ValidationException naming each field that is wrong ({@code serverHost}, {@code serverPort},
     *                             {@code serverDatabase}) and what to type
     */
    public static ServerChoice of(String host, String port, String database) {
        List<Violation> problems = new ArrayList<>();
        String name = host == null ? "" : host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        boolean ipv6 = name.contains(":");
        if (name.isEmpty()) {
            problems.add(Violation.of("serverHost", "validation.server.hostRequired"));
        } else if (!(ipv6 ? IPV6.matcher(name).matches() : HOST_NAME.matcher(name).matches())) {
            problems.add(Violation.of("serverHost", "validation.server.host"));
        }
        String portText = port == null ? "" : port.strip();
        int number = DEFAULT_PORT;
        if (!portText.isEmpty()) {
            try {
                number = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65535) {
                problems.add(Violation.of("serverPort", "validation.server.port"));
            }
        }
        String db = database == null ? "" : database.strip();
        if (db.isEmpty()) {
            problems.add(Violation.of("serverDatabase", "validation.server.databaseRequired"));
        } else if (!DATABASE.matcher(db).matches()) {
            problems.add(Violation.of("serverDatabase", "validation.server.database"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            return new ServerChoice(ServerAddress.parse("postgresql://" + (ipv6 ? "[" + name + "]" : name) + ":"
                    + number + "/" + db));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(Violation.of("serverHost", "validation.server.host")));
        }
    }

    /**
     * An address as {@code --database} or {@code REBOUND_DATABASE} give it: {@code postgresql://HOST[:PORT]/DB}
     * or a {@code jdbc:postgresql:} URL.
     *
     * @throws IllegalArgumentException saying what is wrong and how to write it
     */
    public static ServerChoice parse(String url) {
        return new ServerChoice(ServerAddress.parse(url));
    }

    /** The server chosen in the window and kept in {@code folder}, if one was. */
    public static Optional<ServerChoice> saved(Path folder) {
        return ServerChoiceFile.read(folder).map(ServerChoice::new);
    }

    /** Keeps this server as the window's choice in {@code folder} (no password goes with it). */
    public void keepIn(Path folder) throws IOException {
        ServerChoiceFile.write(folder, address);
    }

    /** Forgets the server chosen in {@code folder}: the window opens this computer's records again. */
    public static void forget(Path folder) throws IOException {
        ServerChoiceFile.forget(folder);
    }

    public String host() {
        return address.host();
    }

    public int port() {
        return address.port();
    }

    public String database() {
        return address.database();
    }

    ServerAddress address() {
        return address;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerChoice choice && choice.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    /** {@code postgresql://HOST:PORT/DB}, as messages name it. */
    @Override
    public String toString() {
        return address.toString();
    }
}
