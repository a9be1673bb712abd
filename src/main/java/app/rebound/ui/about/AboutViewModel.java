package app.rebound.ui.about;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.Messages;
import app.rebound.service.ProductInfo;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/**
 * Help, About: the version, the build and the Java runtime, every component with its licence, and the
 * third-party notices, read from the jar in the background.
 */
public final class AboutViewModel {

    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runtime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notices = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ProductInfo.Component> components = FXCollections.observableArrayList();

    public AboutViewModel(TaskRunner tasks, Dialogs dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    private record Loaded(String version, String built, String runtime, List<ProductInfo.Component> components,
            String notices) {
    }

    public void load() {
        loading.set(true);
        BackgroundTask.wrap(() -> new Loaded(ProductInfo.version(), ProductInfo.built(), ProductInfo.runtime(),
                        ProductInfo.components(), ProductInfo.notices()))
                .onSuccess(loaded -> {
                    version.set(Messages.format("about.version", loaded.version(), loaded.built()));
                    runtime.set(Messages.format("about.runtime", loaded.runtime()));
                    components.setAll(loaded.components());
                    notices.set(loaded.notices());
                })
                .onFailure(failure -> dialogs.error(Messages.get("about.failed")))
                .onFinished(() -> loading.set(false))
                .executeWith(tasks);
    }

    public ReadOnlyStringProperty version() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runtime() {
        return runtime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notices() {
        return notices.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ObservableList<ProductInfo.Component> components() {
        return components;
    }
}
