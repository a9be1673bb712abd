package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void theChainIsNamedWithCodesAndTheStoresOwnWordsButNeverADatabasesMessage() {
        SQLException h2 = new SQLException("Value too long for column NAME: 'Zoë Ødegård'", "22001", 22001);
        String summary = Causes.summary(new DatabaseDamagedException(h2));
        assertThat(summary).startsWith(" (DatabaseDamagedException").contains("SQLException 22001/22001")
                .doesNotContain("Zoë").doesNotContain("Value too long").endsWith(")");
        assertThat(Causes.summary(new StoreException("The database file is cut short", null)))
                .isEqualTo(" (StoreException: The database file is cut short)");
        assertThat(Causes.summary(null)).isEmpty();
    }
}
