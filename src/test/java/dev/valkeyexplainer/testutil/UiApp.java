package dev.valkeyexplainer.testutil;

import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.app.Options;
import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.shell.MainWindow;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app for a UI test class: its services against a sandbox valkey-server (started here),
 * and a fresh window per test (headless, Monocle) over the same services.
 */
public final class UiApp implements AutoCloseable {

    public final AppServices services;
    public MainWindow window;

    /** @param args command-line options, e.g. {@code "--tab", "hll"} */
    public UiApp(String... args) throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new AppServices(Options.parse(args), ConceptRegistry.standard());
        ConnectionStatus s = services.connectInitial().get(30, TimeUnit.SECONDS);
        if (!s.connected()) throw new IllegalStateException(s.message());
    }

    /** For a test's {@code @Start} method. */
    public void start(Stage stage) {
        window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), 1500, 950);
        window.install(scene, stage);
        stage.setScene(scene);
        stage.show();
    }

    /** How many journal rows shown start with {@code prefix}. */
    public long journalRows(String prefix) {
        return window.journal().visibleRows().stream().filter(e -> e.commandText().startsWith(prefix)).count();
    }

    @Override
    public void close() {
        services.close();
    }

    /** Waits (pumping FX events) until the condition holds, or fails naming it. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }
}
