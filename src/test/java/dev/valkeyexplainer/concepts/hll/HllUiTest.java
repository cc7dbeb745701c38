package dev.valkeyexplainer.concepts.hll;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The HyperLogLog tab in the real window, headless, against a sandbox server. */
class HllUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "hll"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void addingANameLightsItsRegisterOnTheGridAndWritesTheCommandsToTheJournal(FxRobot robot) {
        HllHash h = HllHash.of("zelda");
        robot.clickOn("#hll-name").write("zelda").type(KeyCode.ENTER);
        waitUntil("the five steps ran", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.args().get(0).equals("PFCOUNT")));
        waitUntil("the grid shows the server's register", () -> grid().registers()[h.index()] == h.value());
        assertEquals(h.index(), grid().highlighted());
        List<JournalEntry> rows = window.journal().visibleRows();
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("PFADD vx:hll:dau:") && e.commandText().endsWith(" zelda")
                && e.reply().equals("(true)")), "PFADD row with its reply");
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("GET vx:hll:dau:") && e.reply().startsWith("<")),
                "the raw value read as bytes");
        assertTrue(robot.lookup(".history-ok").queryAs(Label.class).getText().startsWith("zelda → register"));
    }

    @Test
    void anEmptyNameIsRefusedWithAMessage(FxRobot robot) {
        robot.clickOn("#hll-name").eraseText(20);
        robot.clickOn("#hll-add");
        waitUntil("the message", () -> robot.lookup("Type a user name first.").tryQuery().isPresent());
    }

    private RegisterGrid grid() {
        return hllView().grid;
    }

    private HllView hllView() {
        return (HllView) ((javafx.scene.layout.BorderPane) window.activeView()).getCenter();
    }
}
