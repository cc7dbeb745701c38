package dev.valkeyexplainer.concept;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;

/**
 * Loads the static forms of the app from the top-level {@code fxml/} resource folder (the shell's
 * frame and dialogs, each concept's "Try it" panel under {@code fxml/concepts/<id>/}). The caller
 * makes the controller with its model (no static state); the controller factory hands exactly that
 * instance to FXML, whose {@code fx:controller} must name its class. After loading, every
 * {@code @FXML} field must have been injected, or loading fails naming the missing ids: a renamed
 * fx:id can never leave a null field behind. (Do not name a field {@code location} or
 * {@code resources}: FXMLLoader injects its URL and bundle into those.)
 */
public final class FxmlLoader {

    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /**
     * @param resource e.g. {@code "concepts/cache/controls.fxml"}, relative to {@code /fxml/}
     * @param controller the controller instance, already holding its model
     * @return the root node of the form
     * @throws UncheckedIOException when the file is missing or malformed
     * @throws IllegalStateException when the controller class differs or an {@code @FXML} field was not injected
     */
    public <T> T load(String resource, Object controller) {
        URL url = FxmlLoader.class.getResource("/fxml/" + resource);
        if (url == null) throw new UncheckedIOException(new IOException("no FXML file fxml/" + resource));
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException("fxml/" + resource + " names controller " + type.getName() + " but was given "
                        + controller.getClass().getName());
            }
            return controller;
        });
        T root;
        try {
            root = loader.load();
        } catch (IOException e) {
            Throwable c = e;
            while (c.getCause() != null) c = c.getCause();
            throw new UncheckedIOException("fxml/" + resource + ": " + c, e);
        }
        if (loader.getController() != controller) {
            throw new IllegalStateException("fxml/" + resource + " has no fx:controller=\"" + controller.getClass().getName() + "\"");
        }
        List<String> missing = missingInjections(controller);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("fxml/" + resource + " did not inject " + String.join(", ", missing)
                    + " into " + controller.getClass().getSimpleName());
        }
        loaded.add(resource);
        return root;
    }

    /** The {@code @FXML} fields of the controller (and its superclasses) that are still null. */
    public static List<String> missingInjections(Object controller) {
        List<String> missing = new ArrayList<>();
        for (Class<?> c = controller.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(FXML.class) || f.getType().isPrimitive()) continue;
                try {
                    f.setAccessible(true);
                    if (f.get(controller) == null) missing.add(f.getName());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    missing.add(f.getName() + " (unreadable: " + e.getMessage() + ")");
                }
            }
        }
        return missing;
    }

    /** The resources loaded so far (a test checks every file under fxml/ was loaded and verified). */
    public Set<String> loaded() {
        return Set.copyOf(loaded);
    }
}
