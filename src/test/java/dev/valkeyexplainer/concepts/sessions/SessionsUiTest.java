package dev.valkeyexplainer.concepts.sessions;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.JournalEntry;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Sessions tab in the real window, headless, against a sandbox server (no valkey-json: the Lua engine). */
class SessionsUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "sessions"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private SessionsView view() {
        return (SessionsView) ((BorderPane) window.activeView()).getCenter();
    }

    private SessionsModel.Snapshot snapshot() {
        return modelOf().snapshot.get();
    }

    private SessionsModel modelOf() {
        return ((SessionsConcept) window.active()).model();
    }

    private List<JournalEntry> rows(String prefix) {
        return window.journal().visibleRows().stream().filter(e -> e.commandText().startsWith(prefix)).toList();
    }

    private void newSession(FxRobot robot) {
        String before = modelOf().sessionId.get();
        robot.clickOn("#sessions-new");
        waitUntil("a new session is read back", () -> modelOf().sessionId.get() != null && !modelOf().sessionId.get().equals(before)
                && snapshot() != null && snapshot().sessionId().equals(modelOf().sessionId.get()) && snapshot().json().exists());
    }

    /**
     * Puts a path in the path box, presses Run, and waits for the query's answer. (The headless robot
     * cannot type '?', so the box's text is set directly; Run is a real click.)
     */
    private void ask(FxRobot robot, String path) {
        SessionsModel.Query before = modelOf().query.get();
        javafx.scene.control.ComboBox<?> box = robot.lookup("#sessions-path").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> box.getEditor().setText(path));
        robot.clickOn("#sessions-run");
        waitUntil("the answer to " + path, () -> modelOf().query.get() != null && modelOf().query.get() != before
                && modelOf().query.get().path().equals(path));
    }

    @SuppressWarnings("unchecked")
    private String tableValue(String field) {
        TableView<HashPanel.Row> t = (TableView<HashPanel.Row>) view().hash.table;
        return t.getItems().stream().filter(r -> r.field().equals(field)).map(HashPanel.Row::value).findFirst().orElse(null);
    }

    private String treeValue(String pointer) {
        return find(view().json.tree.getRoot(), pointer);
    }

    private static String find(javafx.scene.control.TreeItem<JsonTreePanel.Node> it, String pointer) {
        if (it == null) return null;
        if (it.getValue().pointer().equals(pointer)) return it.getValue().value();
        for (var c : it.getChildren()) {
            String v = find(c, pointer);
            if (v != null) return v;
        }
        return null;
    }

    @Test
    void anEditShowsInBothViews(FxRobot robot) {
        newSession(robot);
        assertEquals("Shadow Dragons", tableValue("guild"));
        assertEquals("\"Shadow Dragons\"", treeValue("/guild"));
        robot.clickOn("#sessions-value").eraseText(20).write("\"Night Owls\"");
        robot.clickOn("#sessions-set");
        waitUntil("the Hash table shows the new guild", () -> "Night Owls".equals(tableValue("guild")));
        waitUntil("the JSON tree shows it too", () -> "\"Night Owls\"".equals(treeValue("/guild")));
        waitUntil("both mark what changed", () -> modelOf().changes.get().fields().equals(Set.of("guild"))
                && modelOf().changes.get().pointers().equals(Set.of("/guild")));
        assertTrue(rows("FCALL vx_json_set").stream().anyMatch(e -> e.commandText().contains("$.guild")
                && e.connection().equals(SessionStore.LUA_CONNECTION)), "the Lua engine ran, journaled under its name");
        assertTrue(rows("HSET").stream().anyMatch(e -> e.commandText().contains("Night Owls")));
    }

    @Test
    void theHighlightedNodesAreTheReplyAndTheEngineIsNamed(FxRobot robot) {
        newSession(robot);
        assertTrue(view().engine.getText().contains("Lua stand-in"), view().engine.getText());
        ask(robot, "$.inventory[?(@.qty>1)].name");
        assertEquals("[\"Healing Potion\",\"Mana Elixir\"]", view().queryBar.reply.getText());
        assertEquals(Set.of("/inventory/0/name", "/inventory/3/name"), Set.copyOf(view().json.highlighted()));
        ask(robot, ".email");
        assertEquals("\"alice@example.com\"", view().queryBar.reply.getText());
        assertEquals(List.of("/email"), view().json.highlighted());
        assertTrue(view().queryBar.note.getText().startsWith("Restricted path"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing(FxRobot robot) {
        newSession(robot);
        SessionsModel.Snapshot before = snapshot();
        robot.clickOn("#sessions-value").eraseText(20).write("Night Owls"); // not JSON: no quotes
        robot.clickOn("#sessions-set");
        waitUntil("the server's message", () -> robot.lookup("#sessions-problem").queryAs(Label.class).getText()
                .contains("Failed to parse JSON string"));
        robot.clickOn("#sessions-by").eraseText(5).write("abc");
        robot.clickOn("#sessions-increment");
        waitUntil("the app's message", () -> robot.lookup("#sessions-problem").queryAs(Label.class).getText()
                .contains("'abc' is not a number"));
        SessionsModel.WireRun wireBefore = modelOf().wire.get();
        javafx.scene.control.TextField items = robot.lookup("#sessions-items").queryAs(javafx.scene.control.TextField.class);
        for (String typed : List.of("abc", "5000", "0", "-3")) { // typed, then a click elsewhere: never clamped, never thrown
            robot.interact(items::clear);
            robot.clickOn("#sessions-items").write(typed);
            String shown = items.getText();
            assertTrue(shown.chars().noneMatch(Character::isLetter), "letters are not taken: " + shown);
            robot.clickOn("#sessions-compare");
            waitUntil("the item count's message for " + typed, () -> robot.lookup("#sessions-problem").queryAs(Label.class).getText()
                    .equals(SessionsControlsController.itemCountProblem(shown)));
            assertEquals(shown, items.getText(), "the text stays as typed, not clamped");
        }
        assertTrue(modelOf().wire.get() == wireBefore, "no comparison ran");

        ask(robot, "$.inventory[?(@.qty>)]");
        String problem = robot.lookup("#sessions-problem").queryAs(Label.class).getText();
        assertTrue(problem.contains("Invalid number"), problem);
        assertTrue(view().json.highlighted().isEmpty());
        SessionsTab tab = ((SessionsConcept) window.active()).tab();
        SessionsModel.Snapshot after = tab.store().read(before.sessionId()).join();
        assertEquals(before.hash().fields(), after.hash().fields(), "the Hash is unchanged");
        assertEquals(before.json().text(), after.json().text(), "the document is unchanged");
    }
}
