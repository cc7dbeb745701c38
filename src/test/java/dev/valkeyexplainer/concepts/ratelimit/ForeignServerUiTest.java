package dev.valkeyexplainer.concepts.ratelimit;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Connected to a server the app did not start (--connect), the tab never sends SCRIPT FLUSH: it would
 * empty the script cache of everyone on that server.
 */
class ForeignServerUiTest extends UiTestBase {

    private ManagedValkeyServer server;

    @Override
    protected String[] options() {
        try {
            server = ManagedValkeyServer.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new String[]{"--connect", "valkey://default:" + server.target().password() + "@127.0.0.1:" + server.port(),
                "--tab", "ratelimit"};
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void scriptFlushIsRefusedOnAServerTheAppDidNotStart(FxRobot robot) {
        assertFalse(app.services.gateway().status().sandbox());
        robot.clickOn("#rl-mode-scripts").clickOn("#rl-load");
        waitUntil("loaded", () -> robot.lookup("#rl-shas").queryAs(Label.class).getText().contains(Limiter.LOG.sha()));
        robot.clickOn("#rl-flush");
        waitUntil("the reason", () -> robot.lookup("#rl-problem").queryAs(Label.class).getText()
                .contains("only sends it to the app's own sandbox server"));
        assertEquals(0, app.journalRows("SCRIPT FLUSH"), "no SCRIPT FLUSH was sent");
        assertEquals(0, app.journalRows("EVALSHA"), "and no spell either");
    }
}
