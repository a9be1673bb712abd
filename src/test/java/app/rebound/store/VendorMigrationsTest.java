package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

/** The migrations of the two engines: H2's stay as the clinics' databases recorded them. */
class VendorMigrationsTest {

    @TempDir
    Path folder;

    @Test
    void h2sFormOfV7IsByteForByteTheScriptExistingClinicsRan() throws Exception {
        try (InputStream script = getClass().getResourceAsStream("/db/h2/V7__clinicians_audit.sql")) {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script.readAllBytes())))
                    .isEqualTo("54f58fa9ee4264b376d43046b290203298387b29ec4e871f6de2eddac8d6f3cc");
        }
        assertThat(getClass().getResource("/db/migration/V7__clinicians_audit.sql")).isNull();
    }

    @Test
    void anH2DatabaseValidatesAgainstTheCommonAndH2Folders() {
        Database.open(folder, TestKeys.KEY).close();
        try (EncryptedFileSystem.Registration files = EncryptedFileSystem.register(folder.resolve(Database.FILE_NAME),
                TestKeys.KEY)) {
            var result = Flyway.configure()
                    .dataSource("jdbc:h2:" + files.name() + ";IFEXISTS=TRUE", "rebound", "")
                    .locations(Vendor.H2.flywayLocations())
                    .load()
                    .validateWithResult();
            assertThat(result.validationSuccessful).as(String.valueOf(result.invalidMigrations)).isTrue();
        }
    }

    @Test
    void eachEngineHasItsOwnScriptsBesideTheCommonOnes() {
        assertThat(SchemaHistory.scriptVersions(Vendor.H2)).contains("7", "13").doesNotContain("13.1", "13.2");
        assertThat(SchemaHistory.scriptVersions(Vendor.POSTGRESQL)).contains("7", "13", "13.1", "13.2");
        assertThat(SchemaHistory.newestScript(Vendor.POSTGRESQL).getVersion()).isEqualTo("16.1");
        assertThat(SchemaHistory.scriptVersions(Vendor.H2)).contains("15", "16").doesNotContain("15.1", "16.1");
    }
}
