package app.rebound.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;

import app.rebound.domain.Messages;
import app.rebound.domain.PasswordStrength;

/**
 * A new password typed twice, with its strength hint under it: the three rows every form that sets a
 * password shares (set-up, recovery, adding a clinician, a reset, one's own account).
 */
public final class NewPassword {

    private final PasswordField password = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final ObservableMap<String, String> errors;

    /**
     * Adds the rows to {@code form}; errors go under the field keys "password" and "passwordAgain".
     *
     * @param user the user name the strength hint compares the password with
     */
    public NewPassword(FormGrid form, ObservableMap<String, String> errors, String labelKey, String id,
            String againId, ObservableStringValue user) {
        this.errors = errors;
        password.setId(id);
        again.setId(againId);
        form.add(labelKey, password, password, "password");
        form.add("access.password.again", again, again, "passwordAgain");
        form.add("access.password.strength", strengthHint(password, user), password, "strength");
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

    private static Label strengthHint(PasswordField password, ObservableStringValue user) {
        Label strength = new Label();
        strength.setId("passwordStrength");
        strength.setWrapText(true);
        strength.setMinHeight(Region.USE_PREF_SIZE);
        strength.getStyleClass().add("form-help");
        strength.textProperty().bind(Bindings.createStringBinding(() -> {
            if (password.getText().isEmpty()) {
                return Messages.format("password.strength.EMPTY", PasswordStrength.MIN_LENGTH);
            }
            PasswordStrength level = PasswordStrength.of(password.getText(), user.get());
            return Messages.format(level.messageKey(), PasswordStrength.MIN_LENGTH);
        }, password.textProperty(), user));
        return strength;
    }
}
