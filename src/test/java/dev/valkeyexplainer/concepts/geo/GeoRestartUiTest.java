package dev.valkeyexplainer.concepts.geo;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.OwnServerUiTest;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A search is on screen; the server is killed and a new process starts on the same port (empty: the
 * test server saves nothing). The search's "Underneath" card and its answer described the old data,
 * so they go; the map shows what the new server holds.
 */
class GeoRestartUiTest extends OwnServerUiTest {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "geo"};
    }

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    private GeoModel model() {
        return ((GeoView) ((BorderPane) app.window.activeView()).getCenter()).map.model();
    }

    @Test
    void aRestartedServerClearsTheSearchThatDescribedItsOldData(FxRobot robot) {
        waitUntil("connected", () -> app.services.gateway().status().connected());
        robot.clickOn("#geo-mode-members").clickOn("#geo-talk");
        waitUntil("the talk's members are on the map", () -> model().snapshot.get() != null
                && model().snapshot.get().member("Alice").isPresent());
        robot.clickOn("#geo-mode-search").clickOn("#geo-talk-3km");
        waitUntil("a search is shown", () -> model().search.get() != null && model().search.get().hits().size() == 2);

        server.kill();
        waitUntil("the outage is noticed", () -> !app.services.gateway().status().connected());
        server.restart();
        waitUntil("reconnected", () -> app.services.gateway().status().connected());
        waitUntil("the old search is gone", () -> model().search.get() == null);
        waitUntil("the map shows the new, empty server", () -> model().snapshot.get() != null
                && model().snapshot.get().members().isEmpty());
        assertNull(model().detail.get(), "no score card of a member that is gone");
        assertTrue(app.services.journal().snapshot().stream().anyMatch(e -> e.commandText().startsWith("SERVER RESTARTED")),
                "the journal says why");
    }
}
