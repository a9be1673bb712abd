package app.rebound.ui.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.TestKeys;
import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;
import app.rebound.ui.kit.SameThreadTaskRunner;

/** Clinicians and passwords without the JavaFX toolkit, on a real clinic file. */
class AccountsViewModelTest extends OnClinicFile {

    private final SameThreadTaskRunner printer = new SameThreadTaskRunner();
    private AccountsViewModel accounts;

    @BeforeEach
    void open() {
        accounts = new AccountsViewModel(services, tasks, printer, dialogs);
        accounts.reload(null);
    }

    private Clinician add(String username, String displayName) {
        AccountsViewModel.Form form = new AccountsViewModel.Form();
        accounts.add(form, username, displayName, "a long enough password 2026".toCharArray(), false);
        assertThat(form.doneProperty().get()).isTrue();
        return accounts.selectedProperty().get();
    }

    @Test
    void addingSelectsTheNewClinicianAndSaysSo() {
        assertThat(accounts.clinicians()).extracting(Clinician::username).containsExactly(TestKeys.USER);
        Clinician zoe = add("zoe", "Zoë Ødegård");
        assertThat(zoe.displayName()).isEqualTo("Zoë Ødegård");
        assertThat(accounts.clinicians()).extracting(Clinician::username).containsExactlyInAnyOrder(TestKeys.USER, "zoe");
        assertThat(accounts.statusProperty().get()).isEqualTo(Messages.format("accounts.added", "zoe"));
        assertThat(accounts.busyProperty().get()).isFalse();
    }

    @Test
    void aFormWithoutThePasswordTypedTwiceOrWithARefusedFieldStaysOpenAndSaysWhy() {
        AccountsViewModel.Form form = new AccountsViewModel.Form();
        accounts.add(form, "zoe", "Zoë", null, false);
        assertThat(form.messageProperty().get()).isEqualTo(Messages.get("clinic.fixFields"));
        assertThat(tasks.submitted()).as("only the first reading").isEqualTo(1);

        accounts.add(form, "zoe", "Zoë", "short".toCharArray(), false);
        assertThat(form.errors()).containsKey("password");
        assertThat(form.messageProperty().get()).isEqualTo(Messages.get("clinic.fixFields"));
        assertThat(form.doneProperty().get()).isFalse();
        assertThat(form.workingProperty().get()).isFalse();
        assertThat(accounts.clinicians()).hasSize(1);
    }

    @Test
    void removingAsksFirstAndNothingHappensWhenSheCancels() {
        Clinician zoe = add("zoe", "Zoë Ødegård");
        accounts.removeSelected();
        assertThat(dialogs.shown()).singleElement().asString().startsWith("confirm: "
                + Messages.format("accounts.remove.title", "zoe"));
        assertThat(accounts.clinicians()).contains(zoe);

        dialogs.answer(true);
        accounts.removeSelected();
        assertThat(accounts.clinicians()).extracting(Clinician::username).containsExactly(TestKeys.USER);
        assertThat(accounts.statusProperty().get()).isEqualTo(Messages.format("accounts.removed", "zoe"));
        assertThat(accounts.selectedProperty().get()).isNull();
    }

    @Test
    void removingHerselfIsRefusedInTheAccountsWordsWithoutAQuestion() {
        accounts.selectedProperty().set(accounts.clinicians().get(0));
        accounts.removeSelected();
        assertThat(dialogs.shown()).isEmpty();
        assertThat(accounts.statusProperty().get()).isNotBlank()
                .isNotEqualTo(Messages.format("accounts.removed", TestKeys.USER));
        assertThat(accounts.clinicians()).hasSize(1);
    }

    @Test
    void nothingSelectedIsSaidBeforeRemoveOrReset() {
        accounts.selectedProperty().set(null);
        accounts.removeSelected();
        assertThat(accounts.statusProperty().get()).isEqualTo(Messages.get("accounts.selectFirst"));
        accounts.statusProperty().set("");
        assertThat(accounts.toReset()).isNull();
        assertThat(accounts.statusProperty().get()).isEqualTo(Messages.get("accounts.selectFirst"));
    }

    @Test
    void aResetPasswordOpensHerAccount() throws Exception {
        Clinician zoe = add("zoe", "Zoë Ødegård");
        AccountsViewModel.Form form = new AccountsViewModel.Form();
        accounts.resetPassword(form, accounts.toReset(), "another long password 2027".toCharArray());
        assertThat(form.doneProperty().get()).isTrue();
        assertThat(accounts.statusProperty().get()).isEqualTo(Messages.format("accounts.reset.done", "zoe"));
        services.close();
        services = new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS)
                .signIn(folder, "zoe", "another long password 2027".toCharArray());
        assertThat(services.accounts().current().id()).isEqualTo(zoe.id());
    }
}
