package dev.valkeyexplainer.app;

import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop window. Started by {@link Launcher}, which has parsed and checked the options. */
public final class ExplainerApp extends Application {

    private static volatile Options.Parsed options;
    private AppServices services;

    static void launchWith(Options.Parsed parsed) {
        options = parsed;
        Application.launch(ExplainerApp.class);
    }

    @Override
    public void start(Stage stage) {
        Options.Parsed o = options != null ? options : Options.parse();
        services = new AppServices(o, ConceptRegistry.standard());
        MainWindow window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), o.width(), o.height());
        window.install(scene, stage);
        stage.setTitle("Valkey Explainer");
        stage.setScene(scene);
        stage.setFullScreenExitHint("F11 leaves full screen");
        stage.setFullScreen(o.fullscreen());
        stage.show();
        services.connectInitial();
    }

    @Override
    public void stop() {
        if (services != null) services.close();
    }
}
