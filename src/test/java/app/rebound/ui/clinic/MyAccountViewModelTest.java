package app.rebound.ui.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.ui.kit.OnClinicFile;

/** My account without the JavaFX toolkit, on a real clinic file. */
class MyAccountViewModelTest extends OnClinicFile {

    private MyAccountViewModel account;

    @BeforeEach
    void open() {
        account = new MyAccountViewModel(services.accounts(), tasks);
    }

    @Test
    void aNewNameIsSavedAndShown() {
        assertThat(account.displayNameProperty().get()).isEqualTo(TestKeys.DISPLAY_NAME);
        account.displayNameProperty().set("Zoë Ødegård-李");
        account.saveName();
        assertThat(services.accounts().current().displayName()).isEqualTo("Zoë Ødegård-李");
        assertThat(account.introProperty().get()).contains("Zoë Ødegård-李");
        assertThat(account.statusProperty().get()).isEqualTo(Messages.format("myAccount.nameSaved", "Zoë Ødegård-李"));
        assertThat(account.busyProperty().get()).isFalse();
    }

    @Test
    void theCurrentPasswordIsAskedFirstAndAWrongOneIsSaidPlainlyKeepingTheNewOne() {
        int[] asked = {0};
        account.changePassword(() -> {
            asked[0]++;
            return "a new password for 2027".toCharArray();
        });
        assertThat(account.errors().get("currentPassword")).isEqualTo(Messages.get("access.password.missing"));
        assertThat(asked[0]).as("the new one is not checked before the current one is there").isZero();
        assertThat(account.focusProperty().get()).isEqualTo(MyAccountViewModel.Field.CURRENT_PASSWORD);

        account.currentPasswordProperty().set("not the password");
        account.changePassword(() -> "a new password for 2027".toCharArray());
        assertThat(account.errors().get("currentPassword")).isEqualTo(Messages.get("myAccount.wrongCurrent"));
        assertThat(account.currentPasswordProperty().get()).isEmpty();
        assertThat(account.passwordsChangedProperty().get()).as("the new one stays typed").isZero();
    }

    @Test
    void theRightCurrentPasswordChangesItAndClearsTheFields() throws Exception {
        account.currentPasswordProperty().set(TestKeys.PASSWORD);
        account.changePassword(() -> null);
        assertThat(account.statusProperty().get()).isEqualTo(Messages.get("clinic.fixFields"));
        assertThat(tasks.submitted()).isZero();

        account.changePassword(() -> "a new password for 2027".toCharArray());
        assertThat(account.statusProperty().get()).isEqualTo(Messages.get("myAccount.passwordChanged"));
        assertThat(account.currentPasswordProperty().get()).isEmpty();
        assertThat(account.passwordsChangedProperty().get()).isEqualTo(1);
        services.close();
        services = new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS)
                .signIn(folder, TestKeys.USER, "a new password for 2027".toCharArray());
        assertThat(services.accounts().current().username()).isEqualTo(TestKeys.USER);
    }
}
