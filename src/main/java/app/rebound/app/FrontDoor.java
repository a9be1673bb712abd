package app.rebound.app;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.slf4j.LoggerFactory;

/**
 * How a second start on the same data folder finds the window already open there and brings it to the
 * front instead of saying "already open": a Unix domain socket inside the data folder ({@value #FILE_NAME}),
 * never a TCP port, so only the folder's owner can reach it (the folder is hers alone) and nothing
 * listens on the network. The JDK offers the same sockets on Windows 10 and later.
 */
public final class FrontDoor implements AutoCloseable {

    public static final String FILE_NAME = "rebound.socket";
    private static final String KNOCK = "rebound: to the front\n";
    private static final String ANSWER = "ok\n";
    /** The longest socket path the operating systems take (108 bytes on Linux, 104 on macOS, with room). */
    private static final int LONGEST_PATH = 100;

    private final ServerSocketChannel server;
    private final Path file;

    private FrontDoor(ServerSocketChannel server, Path file) {
        this.server = server;
        this.file = file;
    }

    /**
     * Opens the door of the window that holds the folder's lock: each knock runs {@code toFront} (on the
     * door's own thread: hand it to the JavaFX thread). Empty when the folder's path is too long for a
     * socket or sockets are not available: a second start then says "already open", as before.
     */
    public static Optional<FrontDoor> open(Path folder, Runnable toFront) {
        Path file = folder.toAbsolutePath().resolve(FILE_NAME);
        if (file.toString().getBytes(StandardCharsets.UTF_8).length > LONGEST_PATH) {
            return Optional.empty();
        }
        try {
            // the caller holds the folder's lock: a socket file here is left from a program that crashed
            Files.deleteIfExists(file);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own access list keeps others out
            }
            FrontDoor door = new FrontDoor(server, file);
            Thread thread = new Thread(() -> door.answer(toFront), "rebound-front-door");
            thread.setDaemon(true);
            thread.start();
            return Optional.of(door);
        } catch (IOException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(FrontDoor.class).info("No front door for a second start ({})",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Knocks on the door of a Rebound already open on {@code folder}; true when it answered (its window is
     * coming to the front), false when none is open there (or it is too old to have a door).
     */
    public static boolean knock(Path folder) {
        Path file = folder.toAbsolutePath().resolve(FILE_NAME);
        if (!Files.exists(file) || file.toString().getBytes(StandardCharsets.UTF_8).length > LONGEST_PATH) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(file));
            channel.write(ByteBuffer.wrap(KNOCK.getBytes(StandardCharsets.US_ASCII)));
            return ANSWER.equals(read(channel));
        } catch (IOException | UnsupportedOperationException e) {
            return false; // nobody listens: a socket left by a program that crashed
        }
    }

    private void answer(Runnable toFront) {
        while (server.isOpen()) {
            SocketChannel caller;
            try {
                caller = server.accept();
            } catch (SocketException | ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LoggerFactory.getLogger(FrontDoor.class).warn("The front door failed ({})", e.getClass().getSimpleName());
                return;
            }
            // each caller on a thread of its own: one that never says anything holds up no other
            Thread thread = new Thread(() -> greet(caller, toFront), "rebound-front-door-caller");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void greet(SocketChannel caller, Runnable toFront) {
        try (caller) {
            if (KNOCK.equals(read(caller))) {
                toFront.run();
                caller.write(ByteBuffer.wrap(ANSWER.getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(FrontDoor.class).warn("A knock at the front door failed ({})",
                    e.getClass().getSimpleName());
        }
    }

    /** One short line, at most 64 bytes: anything longer is not a knock. */
    private static String read(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
            if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                break;
            }
        }
        buffer.flip();
        return StandardCharsets.US_ASCII.decode(buffer).toString();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start replaces a socket file left behind
        }
    }
}
