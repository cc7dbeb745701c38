package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.app.Options;
import dev.valkeyexplainer.concept.ConceptRegistry;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real app window headless (Monocle) against a sandbox valkey-server the harness starts. */
final class UiHarness {

    final AppServices services;
    MainWindow window;

    UiHarness(String... args) throws Exception {
        services = new AppServices(Options.parse(args), ConceptRegistry.standard());
        ConnectionStatus s = services.connectInitial().get(30, TimeUnit.SECONDS);
        if (!s.connected()) throw new IllegalStateException(s.message());
    }

    void start(Stage stage) {
        window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), 1400, 900);
        window.install(scene, stage);
        stage.setScene(scene);
        stage.show();
    }

    void close() {
        services.close();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }
}
