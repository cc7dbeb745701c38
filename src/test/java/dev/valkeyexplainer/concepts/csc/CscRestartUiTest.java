package dev.valkeyexplainer.concepts.csc;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.OwnServerUiTest;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Live traffic runs; the server is killed and restarted. The traffic whose toggle still shows it on
 * must run again (reads and local hits grow), and the headline must not keep the outage's message
 * once tracking is back.
 */
class CscRestartUiTest extends OwnServerUiTest {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "csc"};
    }

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    private CachingClient client() {
        return ((CscConcept) app.window.active()).client();
    }

    @Test
    void liveTrafficAndTheHeadlineComeBackAfterARestart(FxRobot robot) {
        waitUntil("tracking is on", () -> client().ready().isDone() && client().slots().size() == 9);
        robot.clickOn("#csc-traffic");
        long hits = client().cache.localHits.get();
        waitUntil("local hits", () -> client().cache.localHits.get() > hits + 10);

        server.kill();
        waitUntil("the outage is noticed", () -> !app.services.gateway().status().connected());
        server.restart();
        waitUntil("reconnected", () -> app.services.gateway().status().connected());
        waitUntil("tracking is on again", () -> client().ready().isDone());
        assertTrue(robot.lookup("#csc-traffic").queryAs(ToggleButton.class).isSelected(), "the toggle still says live");
        long after = client().cache.localHits.get() + client().cache.fetches.get();
        waitUntil("the traffic runs again", () -> client().cache.localHits.get() + client().cache.fetches.get() > after + 20);
        waitUntil("the headline no longer shows the outage", () -> {
            String h = robot.lookup("#csc-headline").queryAs(Label.class).getText();
            return !h.startsWith("Tracking is not on") && !h.startsWith("Connection 0 was lost");
        });
        robot.clickOn("#csc-traffic");
        assertFalse(robot.lookup("#csc-traffic").queryAs(ToggleButton.class).isSelected());
    }
}
