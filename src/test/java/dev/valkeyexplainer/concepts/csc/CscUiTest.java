package dev.valkeyexplainer.concepts.csc;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.Commands;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The client-side caching tab in the real app: ten slots with real ids, and a write elsewhere that turns a hit into a miss. */
class CscUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "csc"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private CachingClient client() {
        return ((CscConcept) window.active()).client();
    }

    @SuppressWarnings("unchecked")
    private TableView<CscView.Line> table(FxRobot robot) {
        return robot.lookup("#csc-table").queryAs(TableView.class);
    }

    private boolean row(FxRobot robot, String key, String state) {
        return table(robot).getItems().stream().anyMatch(l -> l.key().equals(key) && l.state().equals(state));
    }

    @Test
    void theTabShowsTenSlotsWithRealIdsAndAWriteElsewhereTurnsAnEntryIntoAMiss(FxRobot robot) throws Exception {
        waitUntil("tracking is on", () -> client().ready().isDone() && client().slots().size() == 9);
        waitUntil("the diagram shows all ten slots from CLIENT LIST", () -> {
            PoolPicture p = PoolPicture.of(client(), null);
            return p.slots().size() == 10 && p.slots().stream().allMatch(s -> s.id() > 0);
        });
        StringBuilder ids = new StringBuilder("CLIENT LIST ID " + client().conn0Id());
        client().slots().forEach(s -> ids.append(' ').append(s.clientId));
        Map<Long, ClientList.Row> rows = ClientList.parse(String.valueOf(app.services.gateway()
                .send("test", "test", Commands.read(ids.toString().split(" "))).get(5, TimeUnit.SECONDS)));
        assertEquals(10, rows.size(), "all ten ids are live connections on the server");
        assertTrue(rows.get(client().conn0Id()).name().equals("vx-conn-0"));

        robot.clickOn("#csc-read"); // player:3, a miss: GET on a data connection
        waitUntil("player:3 is cached", () -> row(robot, "player:3", "cached"));
        robot.clickOn("#csc-read"); // now a local hit
        waitUntil("a local hit", () -> robot.lookup("#csc-headline").queryAs(Label.class).getText().startsWith("Local hit: player:3"));

        robot.clickOn("#csc-write"); // the game server writes player:3
        waitUntil("the invalidation dropped the entry", () -> row(robot, "player:3", "dropped"));
        assertFalse(row(robot, "player:3", "cached"));
        robot.clickOn("#csc-read");
        waitUntil("the next read is a miss with the new value", () -> {
            String h = robot.lookup("#csc-headline").queryAs(Label.class).getText();
            return h.startsWith("Miss: GET player:3") && h.contains("gold=999");
        });
        assertTrue(robot.lookup("#csc-flush").queryAs(Button.class).isDisabled() == !app.services.gateway().status().sandbox());
    }

    @Test
    void liveTrafficMakesLocalHitsAndGameServerWritesSendInvalidationsUntilStopped(FxRobot robot) {
        waitUntil("tracking is on", () -> client().ready().isDone() && client().slots().size() == 9);
        long hits = client().cache.localHits.get();
        long messages = client().cache.messages.get();
        robot.clickOn("#csc-traffic");
        waitUntil("local hits and an invalidation", () -> client().cache.localHits.get() > hits + 20
                && client().cache.messages.get() > messages);
        robot.clickOn("#csc-traffic");
        long fetches = client().cache.fetches.get() + client().cache.localHits.get();
        org.testfx.util.WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // longer than two read periods
        long settled = client().cache.fetches.get() + client().cache.localHits.get();
        assertTrue(settled - fetches <= 1, "reads stopped (one may have been in flight)");
    }
}
