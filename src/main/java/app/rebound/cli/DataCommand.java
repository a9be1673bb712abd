package app.rebound.cli;

import java.nio.file.Path;

/** A command that works on the records of a data folder. */
interface DataCommand {

    /** What the command needs of the data folder before it starts. */
    enum FolderUse {
        /** Reads records: a folder without a Rebound database is refused, and nothing is created in it. */
        READ,
        /** May create records, in a folder that is set up. */
        CREATE,
        /** Sets a folder up: the init command. */
        SET_UP,
        /** Replaces the database: the command checks the folder itself. */
        REPLACE
    }

    FolderUse folderUse();

    /**
     * Whether the command works on the records of a clinic's server ({@code --database}) as on those of a
     * data folder; the others are refused there, saying why.
     */
    default boolean worksOnServer() {
        return false;
    }

    /** Whether the command is only for a clinic's server (refused without {@code --database}). */
    default boolean serverOnly() {
        return false;
    }

    /**
     * Checks what can be checked before anything is created or logged in the data folder (ids,
     * input and output files), throwing {@link CommandRefused}.
     */
    default void check(Path dataFolder) throws Exception {
    }

    /**
     * As {@link #check}, for a command run on a clinic's server ({@code --database}); the same checks unless
     * the command's checks of the data folder do not apply there.
     */
    default void checkOnServer(Path dataFolder) throws Exception {
        check(dataFolder);
    }

    /** Does the work, printing what was done on the context's output. */
    void run(CommandContext context) throws Exception;
}
