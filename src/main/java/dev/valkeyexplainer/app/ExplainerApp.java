package dev.valkeyexplainer.app;

import dev.valkeyexplainer.shell.MainWindow;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop window. Three things that take time start at once, so the first frame with live data
 * comes as early as it can: the JavaFX toolkit ({@link #startToolkit}, called first thing in main,
 * before the options are parsed), the sandbox server and the connection ({@link #open}, as soon as the
 * options are known), and the window itself once the toolkit is up. Each concept's view is built
 * when it is first shown. Closing the window stops the concepts, the connection and the sandbox.
 */
final class ExplainerApp {

    private static final Logger LOG = LoggerFactory.getLogger(ExplainerApp.class);
    private static final CompletableFuture<Void> TOOLKIT = new CompletableFuture<>();

    private ExplainerApp() {
    }

    /** Starts the JavaFX toolkit on a thread of its own (it takes about half a second). */
    static void startToolkit() {
        Thread t = new Thread(() -> {
            try {
                Platform.startup(() -> TOOLKIT.complete(null));
            } catch (Throwable e) {
                TOOLKIT.completeExceptionally(e);
            }
        }, "vx-fx-startup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Connects (or starts the sandbox) at once, then opens the window when the toolkit is up, and
     * returns when the window is closed (the toolkit's threads do not keep the JVM alive by themselves).
     *
     * @throws RuntimeException when the toolkit could not start (no GTK, no display)
     */
    static void open(Options.Parsed o) {
        AppServices services = new AppServices(o, ConceptRegistry.standard());
        services.connectInitial(); // runs in the background while the toolkit finishes starting
        try {
            TOOLKIT.join();
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        Platform.setImplicitExit(false); // closing the main window ends the app, whatever else is open
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(services, Platform::runLater);
            Scene scene = new Scene(window.root(), o.width(), o.height());
            window.install(scene, stage);
            stage.setTitle("Valkey Explainer");
            stage.setScene(scene);
            stage.setFullScreenExitHint("F11 leaves full screen");
            stage.setFullScreen(o.fullscreen());
            stage.setOnHidden(e -> {
                try {
                    services.close();
                } catch (RuntimeException ex) {
                    LOG.warn("closing down: {}", ex.toString());
                }
                closed.complete(null);
            });
            stage.show();
        });
        closed.join();
        Platform.exit();
    }
}
