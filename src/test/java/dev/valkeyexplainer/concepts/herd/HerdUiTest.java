package dev.valkeyexplainer.concepts.herd;

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

/** The thundering-herd tab: the Right arrow steps the race one command at a time. */
@ExtendWith(ApplicationExtension.class)
class HerdUiTest {

    private static AppServices services;
    private static MainWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new AppServices(Options.parse("--tab", "herd"), ConceptRegistry.standard());
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

    private static long rows(String prefix) {
        return window.journal().visibleRows().stream().filter(e -> e.commandText().startsWith(prefix)).count();
    }

    @Test
    void theRightArrowStepsOneCommandAtATimeAndTheRaceEndsWithOneLoad(FxRobot robot) {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // starts the race: the key expires, the workers line up
        waitUntil("the key expired", () -> rows("PEXPIRE vx:herd:player:42") == 1);
        waitUntil("first step done", () -> !window.active().player().orElseThrow().busyProperty().get());
        long workerGets = rows("GET vx:herd:player:42");
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("exactly one more GET", () -> rows("GET vx:herd:player:42") == workerGets + 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertTrue(rows("GET vx:herd:player:42") == workerGets + 1, "nothing runs between steps");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE); // play the rest
        waitUntil("the race finished", () -> robot.lookup(".step-headline").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("1 database load for one expiry with the lock")));
    }

    static void waitUntil(String what, BooleanSupplier condition) {
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
