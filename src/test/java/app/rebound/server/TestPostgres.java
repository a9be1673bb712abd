package app.rebound.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.rebound.store.ServerAddress;

/**
 * A real PostgreSQL 15 for the tests (Debian's, {@code apt-get install postgresql}): a fresh cluster in a
 * temporary folder on a free loopback port, started by {@code initdb} and {@code pg_ctl} as the
 * {@code postgres} user (PostgreSQL refuses to run as root, which is how CI runs), once per test run and
 * stopped when the run ends (and by a shutdown hook if the JVM ends otherwise). Each test takes a new,
 * empty database of its own, owned by a new login that may create roles, as a clinic's database owner.
 */
public final class TestPostgres implements BeforeAllCallback {

    /** PostgreSQL 15's programs (Debian 12's); another installed version where 15 is not. */
    private static final Path BIN = installed();
    private static final String SUPERUSER = "fixture";
    private static final String SUPERUSER_PASSWORD = "fixture-superuser-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static Cluster cluster;

    /** A database of a test: where it is, and its owner's login. */
    public record Owned(ServerAddress address, String owner, char[] password) {
        public char[] password() {
            return password.clone();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    private static synchronized Cluster start(ExtensionContext context) {
        if (cluster == null) {
            if (!Files.isExecutable(BIN.resolve("initdb"))) {
                throw new IllegalStateException("PostgreSQL is not installed (" + BIN + "); install it with "
                        + "sudo apt-get install postgresql, or leave these tests out with -DexcludedGroups=postgresql");
            }
            try {
                cluster = Cluster.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "test-postgres-stop"));
        }
        if (context != null) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(TestPostgres.class, key -> new StopAtEnd());
        }
        return cluster;
    }

    /** The server's port (started if not yet). */
    public static int port() {
        return start(null).port;
    }

    /** A new, empty database owned by a new login with CREATEROLE (not a superuser). */
    public static Owned newDatabase() {
        Cluster server = start(null);
        int n = DATABASES.incrementAndGet();
        String owner = "owner_" + n;
        String database = "clinic_" + n;
        char[] password = ("owner password " + n).toCharArray();
        asSuperuser("CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + new String(password) + "'",
                "CREATE DATABASE " + database + " OWNER " + owner + " TEMPLATE template0 ENCODING 'UTF8' "
                        // a language's collation, as a clinic's server has (under C, any index serves LIKE)
                        + "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        // a database's public schema belongs to pg_database_owner from PostgreSQL 15: the owner may create in it
        return new Owned(ServerAddress.parse("postgresql://127.0.0.1:" + server.port + "/" + database), owner,
                password);
    }

    /** The server's log: every statement it ran (log_statement=all). */
    public static String serverLog() {
        try {
            return Files.readString(start(null).root.resolve("sockets").resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements as the cluster's superuser (on its maintenance database). */
    public static void asSuperuser(String... statements) {
        asSuperuserOn("postgres", statements);
    }

    public static void asSuperuserOn(String database, String... statements) {
        Cluster server = start(null);
        Properties login = new Properties();
        login.setProperty("user", SUPERUSER);
        login.setProperty("password", SUPERUSER_PASSWORD);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port + "/"
                + database, login); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture statement failed: " + e.getMessage(), e);
        }
    }

    /** Closed by JUnit when the test run ends. */
    private static final class StopAtEnd implements AutoCloseable {
        @Override
        public void close() {
            synchronized (TestPostgres.class) {
                if (cluster != null) {
                    cluster.stop();
                    // a test engine that runs after Jupiter's (jqwik's properties) starts one of its own
                    cluster = null;
                }
            }
        }
    }

    /** One cluster: its folder and port. */
    private static final class Cluster {
        private final Path root;
        private final Path data;
        private int port;
        private boolean stopped;

        private Cluster(Path root, int port) {
            this.root = root;
            this.data = root.resolve("data");
            this.port = port;
        }

        static Cluster start() throws IOException {
            // /tmp, not the build folder: the postgres user must reach the folder through every parent
            Path root = Files.createTempDirectory(Path.of("/tmp"), "rebound-test-postgres");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Cluster cluster = new Cluster(root, freePort());
            Path passwordFile = root.resolve("superuser-password");
            Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
            Path sockets = root.resolve("sockets");
            Files.createDirectories(sockets);
            cluster.asPostgresOwner(passwordFile, sockets);
            run(cluster.asPostgres(BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            // the free port was released when it was found: another JVM (the tests run in several, beside CI
            // and other builds) may take it before the server binds it; then the start fails, and another is tried
            for (int attempt = 1; ; attempt++) {
                try {
                    run(cluster.asPostgres(BIN.resolve("pg_ctl").toString(), "-D", cluster.data.toString(), "-w",
                            "-t", "60", "-l", sockets.resolve("server.log").toString(), "-o",
                            "-p " + cluster.port + " -k " + sockets + " -c listen_addresses=127.0.0.1 -c fsync=off "
                                    + "-c synchronous_commit=off -c full_page_writes=off "
                                    + "-c password_encryption=scram-sha-256 "
                                    // every statement in the log: a test checks that no password reaches it
                                    + "-c log_statement=all",
                            "start"));
                    break;
                } catch (IOException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    cluster.port = freePort();
                }
            }
            return cluster;
        }

        /** The cluster's files belong to the postgres user, which PostgreSQL needs when it is run by root. */
        private void asPostgresOwner(Path... paths) throws IOException {
            if (!isRoot()) {
                return;
            }
            for (Path path : paths) {
                run(List.of("chown", "postgres:postgres", path.toString()));
            }
            Files.createDirectories(data);
            run(List.of("chown", "postgres:postgres", data.toString()));
        }

        private List<String> asPostgres(String... command) {
            List<String> line = new ArrayList<>();
            if (isRoot()) {
                line.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            line.addAll(List.of(command));
            return line;
        }

        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop"));
            } catch (IOException | RuntimeException e) {
                System.err.println("test PostgreSQL did not stop: " + e.getMessage());
            }
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("test PostgreSQL folder not removed: " + root);
            }
        }
    }

    private static Path installed() {
        Path fifteen = Path.of("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(fifteen.resolve("initdb"))) {
            return fifteen;
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(fifteen);
        } catch (IOException | RuntimeException e) {
            return fifteen;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command.subList(0, Math.min(command.size(), 5))) + " failed: "
                        + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
