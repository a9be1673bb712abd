package app.rebound.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a clinic's PostgreSQL server is: {@code postgresql://HOST[:PORT]/DB} or a {@code jdbc:postgresql:}
 * URL. A host other than this computer (loopback) is reached only over TLS with its certificate checked
 * against its name ({@code sslmode=verify-full}): patient records never cross the network in plain text,
 * nor to a server that merely claims the name. An address asking for less is refused with a message
 * saying so. On loopback TLS is used when the server offers it.
 */
public record ServerAddress(String host, int port, String database, Map<String, String> parameters) {

    public static final int DEFAULT_PORT = 5432;

    /** TLS modes that check the server's certificate and its name. */
    private static final String VERIFY_FULL = "verify-full";

    /** Parameters an address may carry: where the server's certificate authority is, and the TLS mode. */
    private static final Set<String> ALLOWED = Set.of("sslmode", "sslrootcert", "sslfactory",
            "connectTimeout", "socketTimeout", "ApplicationName");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DATABASE = Pattern.compile("[\\p{L}\\p{N}_$-]{1,63}");

    public ServerAddress {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Reads an address as the clinician gives it.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and how to write it
     */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no database address given; write it as postgresql://HOST[:PORT]/DATABASE");
        }
        String url = text.strip();
        String rest;
        if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:".length());
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            rest = url;
        } else {
            throw new IllegalArgumentException("\"" + url + "\" is not a PostgreSQL address; write it as "
                    + "postgresql://HOST[:PORT]/DATABASE (or jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a valid address (" + e.getReason()
                    + "); write it as postgresql://HOST[:PORT]/DATABASE");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the database address must not hold a user name or password; "
                    + "give the user with --user and the password as the command asks");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || (uri.getAuthority() != null && uri.getAuthority().contains(","))) {
            throw new IllegalArgumentException("\"" + url + "\" names no single server; write it as "
                    + "postgresql://HOST[:PORT]/DATABASE");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("\"" + url + "\" names no database; write it as "
                    + "postgresql://HOST[:PORT]/DATABASE, the database a name of letters, digits and _");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                        StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8);
                if (!ALLOWED.contains(name)) {
                    throw new IllegalArgumentException("the database address has the setting \"" + name
                            + "\", which Rebound does not take; allowed: " + String.join(", ",
                                    new TreeSet<>(ALLOWED)));
                }
                parameters.put(name, value);
            }
        }
        ServerAddress address = new ServerAddress(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database,
                parameters);
        address.checkTransport();
        return address;
    }

    /** The address given by {@code --database}, else by the environment variable, else none (the embedded H2). */
    public static Optional<ServerAddress> chosen(String option, Map<String, String> environment) {
        if (option != null) {
            return Optional.of(parse(option));
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(parse(variable));
    }

    /** The environment variable that names the clinic's server when {@code --database} is not given. */
    public static final String ENVIRONMENT_VARIABLE = "REBOUND_DATABASE";

    /** Whether the server is this computer (a loopback address), judged from the address alone, without DNS. */
    public boolean loopback() {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (IPV4.matcher(name).matches()) {
            return name.startsWith("127.");
        }
        return name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
    }

    private void checkTransport() {
        String mode = parameters.get("sslmode");
        if (!loopback() && mode != null && !mode.equals(VERIFY_FULL)) {
            throw new IllegalArgumentException("the server " + host + " is not this computer, so Rebound reaches it "
                    + "only over TLS with its certificate checked (sslmode=verify-full); sslmode=" + mode
                    + " is refused. Remove sslmode from the address, and if the server's certificate is from the "
                    + "clinic's own authority, add sslrootcert=PATH to that authority's certificate");
        }
    }

    /** The JDBC URL: TLS with the certificate and host name checked for any host but loopback. */
    public String jdbcUrl() {
        Map<String, String> settings = new LinkedHashMap<>(parameters);
        settings.putIfAbsent("sslmode", loopback() ? "prefer" : VERIFY_FULL);
        settings.putIfAbsent("ApplicationName", "Rebound");
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/')
                .append(database);
        char separator = '?';
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            url.append(separator).append(setting.getKey()).append('=')
                    .append(URLEncoder.encode(setting.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** For messages: the server and database, without any setting. */
    @Override
    public String toString() {
        return "postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }
}
