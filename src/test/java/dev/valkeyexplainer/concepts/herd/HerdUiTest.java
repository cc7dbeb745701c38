package dev.valkeyexplainer.concepts.herd;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The thundering-herd tab: the Right arrow steps the race one command at a time. */
class HerdUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "herd"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private long rows(String prefix) {
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
