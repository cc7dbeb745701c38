package dev.valkeyexplainer.app;

import dev.valkeyexplainer.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window. Started by {@link Launcher}, which has parsed and checked the options. The
 * app's services are made and the connection (or the sandbox server) is started before the JavaFX
 * toolkit starts, so both happen at the same time; the window shows first, and each concept's view is
 * built when it is first shown.
 */
public final class ExplainerApp extends Application {

    private static volatile AppServices prepared;
    private AppServices services;

    static void launchWith(Options.Parsed parsed) {
        prepared = new AppServices(parsed, ConceptRegistry.standard());
        prepared.connectInitial(); // runs in the background while the toolkit starts
        Application.launch(ExplainerApp.class);
    }

    @Override
    public void start(Stage stage) {
        services = prepared != null ? prepared : new AppServices(Options.parse(), ConceptRegistry.standard());
        if (prepared == null) services.connectInitial();
        Options.Parsed o = services.options();
        MainWindow window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), o.width(), o.height());
        window.install(scene, stage);
        stage.setTitle("Valkey Explainer");
        stage.setScene(scene);
        stage.setFullScreenExitHint("F11 leaves full screen");
        stage.setFullScreen(o.fullscreen());
        stage.show();
    }

    @Override
    public void stop() {
        if (services != null) services.close();
    }
}
