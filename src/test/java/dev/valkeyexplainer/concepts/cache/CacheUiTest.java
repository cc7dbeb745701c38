package dev.valkeyexplainer.concepts.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.app.Options;
import dev.valkeyexplainer.concept.ConceptRegistry;
import dev.valkeyexplainer.shell.MainWindow;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cache-aside tab in the real window, headless, against a sandbox server and the H2 database. */
@ExtendWith(ApplicationExtension.class)
class CacheUiTest {

    private static AppServices services;
    private static MainWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new AppServices(Options.parse("--tab", "cache"), ConceptRegistry.standard());
        assertTrue(services.connectInitial().get(30, TimeUnit.SECONDS).connected());
    }

    @AfterAll
    static void stop() {
        if (services != null) services.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), 1500, 950);
        window.install(scene, stage);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aLookupMissesThenHitsWithJournalRowsAndCounters(FxRobot robot) {
        robot.doubleClickOn("#cache-id").write("123").type(KeyCode.ENTER);
        waitUntil("the miss wrote the row", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.commandText().startsWith("SET vx:player:123 {") && e.commandText().contains("EX 60")));
        robot.clickOn("#cache-lookup");
        waitUntil("the second lookup hit", () -> robot.lookup(".hit-text").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("player 123")));
        assertTrue(window.journal().visibleRows().stream().filter(e -> e.commandText().equals("GET vx:player:123")).count() >= 2);
        waitUntil("the counters", () -> robot.lookup("Hits (from Valkey)").tryQuery().isPresent()
                && robot.lookup(".stat-value").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().equals("50.0%")));
    }

    @Test
    void aBadPlayerIdGetsAMessage(FxRobot robot) {
        robot.doubleClickOn("#cache-id").write("abc").type(KeyCode.ENTER);
        waitUntil("the message", () -> robot.lookup(".error-text").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().startsWith("The player id must be")));
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }
}
