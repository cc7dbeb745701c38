package dev.valkeyexplainer.concepts.pubsub;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Pub/Sub tab in the real window, headless, with the app's own local cluster behind it. */
class PubsubUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "pubsub"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private PubsubConcept tab() {
        return (PubsubConcept) window.active();
    }

    private void chatReady(FxRobot robot) {
        waitUntil("the local cluster is up and Bob listens with SSUBSCRIBE", () -> {
            ChatPane bob = robot.lookup("#chat-bob").tryQueryAs(ChatPane.class).orElse(null);
            return bob != null && tab().room().player("bob").map(p -> p.mode() == ChatMode.SHARDED).orElse(false);
        });
    }

    @Test
    void alicesMessageAppearsInBobsPaneAndItsPathIsMeasured(FxRobot robot) {
        chatReady(robot);
        robot.clickOn("#pubsub-message").write("Dragons at the gate!");
        robot.clickOn("#pubsub-send");
        waitUntil("Bob's pane shows Alice's line", () -> robot.lookup("#chat-bob").queryAs(ChatPane.class).texts().stream()
                .anyMatch(t -> t.startsWith("Alice") && t.contains("Dragons at the gate!")));
        waitUntil("the caption says where it went", () -> robot.lookup("#pubsub-caption").queryAs(Label.class).getText()
                .startsWith("SPUBLISH on primary"));
        String caption = robot.lookup("#pubsub-caption").queryAs(Label.class).getText();
        assertTrue(caption.contains("1 cluster-bus message"), caption);
        assertTrue(robot.lookup("#chat-alice").queryAs(ChatPane.class).texts().stream()
                .anyMatch(t -> t.contains("Dragons at the gate!") && t.contains("SPUBLISH → 2")), "Alice's line with the reply");
        List<JournalEntry> rows = journalRows(robot);
        assertTrue(rows.stream().anyMatch(e -> e.connection().equals("chat-alice") && e.conceptId().equals(PubsubConcept.ID)
                && e.commandText().startsWith("SPUBLISH vx:chat:{shadow-dragons}")), "the publish is journaled");
        String password = app.services.services().ifStarted(ManagedValkeyCluster.class).orElseThrow().target().password();
        assertFalse(rows.stream().anyMatch(e -> (e.commandText() + e.cliLine() + e.glideJava()).contains(password)));
        assertTrue(tab().view().canvas.flight() != null, "the picture animates the measured path");
    }

    @Test
    void anEmptyMessageIsRefusedWithAMessage(FxRobot robot) {
        chatReady(robot);
        robot.clickOn("#pubsub-message").eraseText(40);
        robot.clickOn("#pubsub-send");
        waitUntil("the message", () -> robot.lookup("#pubsub-status").queryAs(Label.class).getText().equals("Type a message first."));
    }

    @Test
    void theBurstFillsTheTableWithTheMeasuredRowFirst(FxRobot robot) {
        chatReady(robot);
        robot.interact(() -> tab().controls().setBurstCount(10));
        robot.clickOn("#pubsub-burst");
        waitUntil("the table", () -> tab().controls().tableTexts().size() == 16);
        List<String> cells = tab().controls().tableTexts();
        assertEquals("3 measured", cells.get(4));
        assertTrue(cells.get(5).startsWith("5 · "), "classic: every other node of 6: " + cells);
        assertTrue(cells.get(6).startsWith("1 · "), "sharded: the shard's replica: " + cells);
        assertEquals("100 projected", cells.get(12));
    }
}
