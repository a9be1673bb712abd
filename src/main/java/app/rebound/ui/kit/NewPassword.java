package app.rebound.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;

import app.rebound.domain.Messages;
import app.rebound.domain.PasswordStrength;

/**
 * A new password typed twice, with its strength and advice under it: the three rows every form that
 * sets a password shares (set-up, recovery, adding a clinician, a reset, one's own account). The
 * estimate runs on a thread of its own (zxcvbn's first estimate takes about a second), never on the
 * JavaFX thread; only the estimate for what is in the field now is shown.
 */
public final class NewPassword {

    /** One daemon thread for every form's estimates, so that the database's worker never waits on them. */
    private static final Executor ESTIMATES = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebound-password-strength");
        thread.setDaemon(true);
        return thread;
    });

    private final PasswordField password = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final ObservableMap<String, String> errors;
    private final Label strength = new Label();
    private final ObservableStringValue user;
    private final List<ObservableStringValue> names;
    /** The number of the newest estimate asked for; an older one that comes back later is not shown. */
    private long asked;

    /**
     * Adds the rows to {@code form}; errors go under the field keys "password" and "passwordAgain".
     *
     * @param user  the user name the password must not be
     * @param names other names it must not be mostly (the clinic's, her display name)
     */
    public NewPassword(FormGrid form, ObservableMap<String, String> errors, String labelKey, String id,
            String againId, ObservableStringValue user, ObservableStringValue... names) {
        this.errors = errors;
        this.user = user;
        this.names = List.of(names);
        password.setId(id);
        again.setId(againId);
        strength.setId("passwordStrength");
        strength.setWrapText(true);
        strength.setMinHeight(Region.USE_PREF_SIZE);
        strength.getStyleClass().add("form-help");
        form.add(labelKey, password, password, "password");
        form.add("access.password.again", again, again, "passwordAgain");
        form.add("access.password.strength", strength, password, "strength");
        password.textProperty().addListener((o, before, now) -> estimate());
        // a field's message goes as she types in it
        password.textProperty().addListener((o, before, now) -> errors.remove("password"));
        again.textProperty().addListener((o, before, now) -> errors.remove("passwordAgain"));
        user.addListener((o, before, now) -> estimate());
        for (ObservableStringValue name : names) {
            name.addListener((o, before, now) -> estimate());
        }
        ESTIMATES.execute(PasswordStrength::warmUp);
        estimate();
    }

    public PasswordField field() {
        return password;
    }

    public PasswordField again() {
        return again;
    }

    /**
     * Whether the two fields hold the same password; if not, says so under the second one and puts the
     * keyboard there.
     */
    public boolean typedTwice() {
        if (password.getText().equals(again.getText())) {
            return true;
        }
        errors.put("passwordAgain", Messages.get("access.password.mismatch"));
        again.requestFocus();
        return false;
    }

    /** The password typed, as characters the service wipes once used. */
    public char[] typed() {
        return password.getText().toCharArray();
    }

    public void clear() {
        password.clear();
        again.clear();
    }

    private void estimate() {
        long number = ++asked;
        String typed = password.getText();
        if (typed.isEmpty()) {
            strength.setText(Messages.format("password.strength.EMPTY", PasswordStrength.MIN_LENGTH));
            return;
        }
        String username = user.get();
        List<String> avoid = new ArrayList<>();
        names.forEach(name -> avoid.add(name.get()));
        Locale locale = Locale.getDefault();
        ESTIMATES.execute(() -> {
            PasswordStrength.Check check = PasswordStrength.check(typed, username, avoid, locale);
            Platform.runLater(() -> {
                if (number == asked) {
                    strength.setText(describe(check));
                }
            });
        });
    }

    private static String describe(PasswordStrength.Check check) {
        StringBuilder text = new StringBuilder(
                Messages.format(check.strength().messageKey(), PasswordStrength.MIN_LENGTH));
        if (!check.warning().isBlank()) {
            text.append(' ').append(check.warning());
        }
        for (String suggestion : check.suggestions()) {
            text.append(' ').append(suggestion);
        }
        return text.toString();
    }
}
