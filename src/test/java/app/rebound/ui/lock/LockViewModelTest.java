package app.rebound.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.ui.kit.OnClinicFile;

/** The lock screen's logic without the JavaFX toolkit, on a real clinic file. */
class LockViewModelTest extends OnClinicFile {

    private LockViewModel lock;

    @BeforeEach
    void open() {
        lock = new LockViewModel(services.accounts(), tasks);
    }

    @Test
    void locksOnceSayingWhyAndForWhom() {
        assertThat(lock.lock(true, 10)).isTrue();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.introProperty().get()).isEqualTo(Messages.format("lock.intro", TestKeys.DISPLAY_NAME, 10));
        assertThat(lock.lock(false, 10)).as("already locked").isFalse();
        assertThat(lock.introProperty().get()).isEqualTo(Messages.format("lock.intro", TestKeys.DISPLAY_NAME, 10));
    }

    @Test
    void aWrongPasswordKeepsItLockedAndTheRightOneUnlocks() {
        lock.lock(false, 10);
        assertThat(lock.introProperty().get()).isEqualTo(Messages.format("lock.introManual", TestKeys.DISPLAY_NAME));
        int focusBefore = lock.passwordFocusProperty().get();
        lock.passwordProperty().set("not the password");
        lock.unlock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.messageProperty().get()).isEqualTo(Messages.get("lock.wrong"));
        assertThat(lock.passwordProperty().get()).as("cleared").isEmpty();
        assertThat(lock.passwordFocusProperty().get()).isGreaterThan(focusBefore);
        assertThat(lock.busyProperty().get()).isFalse();

        lock.passwordProperty().set(TestKeys.PASSWORD);
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.passwordProperty().get()).isEmpty();
    }
}
