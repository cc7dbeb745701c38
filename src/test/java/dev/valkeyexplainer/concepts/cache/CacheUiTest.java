package dev.valkeyexplainer.concepts.cache;

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

/** The cache-aside tab in the real window, headless, against a sandbox server and the H2 database. */
class CacheUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "cache"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
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
}
