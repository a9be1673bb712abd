package app.rebound.store;

/**
 * The server's schema is not the one this program was built for: newer (this workstation's Rebound is
 * older than the one that brought the schema up to date, and must be updated), or older (an
 * administrator has to run {@code migrate}; a workstation never migrates the clinic's records by itself).
 */
public class SchemaVersionException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String schemaVersion;
    private final String knownVersion;
    private final boolean newer;

    public SchemaVersionException(ServerAddress server, String schemaVersion, String knownVersion, boolean newer) {
        super(message(server, schemaVersion, knownVersion, newer), null);
        this.schemaVersion = schemaVersion;
        this.knownVersion = knownVersion;
        this.newer = newer;
    }

    private static String message(ServerAddress server, String schemaVersion, String knownVersion, boolean newer) {
        if (newer) {
            return "The clinic's records on " + server + " are at schema version " + schemaVersion + ", newer than this "
                    + "Rebound knows (" + knownVersion + "): install the Rebound the other workstations use (one that "
                    + "knows schema version " + schemaVersion + ") before using these records here";
        }
        if (schemaVersion == null) {
            return "The database " + server + " holds no Rebound records yet: the clinic's administrator sets it up "
                    + "with: rebound init --database " + server + " --clinic NAME --user OWNER";
        }
        return "The clinic's records on " + server + " are at schema version " + schemaVersion + ", older than this "
                + "Rebound's (" + knownVersion + "): an administrator brings them up to date with: rebound migrate "
                + "--database " + server;
    }

    /** Whether the schema is newer than this program's. */
    public boolean newer() {
        return newer;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public String knownVersion() {
        return knownVersion;
    }
}
