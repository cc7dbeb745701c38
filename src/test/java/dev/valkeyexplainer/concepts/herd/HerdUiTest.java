package dev.valkeyexplainer.concepts.herd;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.shell.MainWindow;
import dev.valkeyexplainer.testutil.UiApp;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The thundering-herd tab: the Right arrow steps the race one command at a time. */
@ExtendWith(ApplicationExtension.class)
class HerdUiTest {

    private static UiApp app;
    private static MainWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        app = new UiApp("--tab", "herd");
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Start
    void start(Stage stage) {
        app.start(stage);
        window = app.window;
    }

    private static long rows(String prefix) {
        return app.journalRows(prefix);
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
}
