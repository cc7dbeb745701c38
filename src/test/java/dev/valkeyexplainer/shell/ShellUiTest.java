package dev.valkeyexplainer.shell;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiApp;
import dev.valkeyexplainer.valkey.JournalEntry;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window, headless, against a real sandbox server. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    private static UiApp app;

    @BeforeAll
    static void startServer() throws Exception {
        app = new UiApp();
    }

    @AfterAll
    static void stopServer() {
        if (app != null) app.close();
    }

    /** A new window per test over the same app services (the concepts build a fresh view each time). */
    @Start
    void start(javafx.stage.Stage stage) {
        app.start(stage);
    }

    @Test
    void theStatusBarShowsTheSandboxConnection() {
        waitUntil("the status bar says connected", () -> app.window.statusBar().stateText().equals("Connected"));
        assertTrue(app.window.statusBar().sandboxShown());
    }

    @Test
    void serverPollingShowsUpAsJournalRowsOfTheServerTab() {
        waitUntil("INFO rows from the Server tab", () -> app.window.journal().visibleRows().stream()
                .anyMatch(e -> e.conceptId().equals("server") && e.args().get(0).equals("INFO")));
        JournalEntry row = app.window.journal().visibleRows().stream().filter(e -> e.args().get(0).equals("INFO")).findFirst().orElseThrow();
        assertEquals("poller", row.connection());
        assertTrue(row.reply().contains("valkey_version") || row.reply().contains("# Server"), row.reply());
        assertFalse(app.window.journal().visibleRows().stream().anyMatch(e -> e.conceptId().equals("health")),
                "health checks are hidden by default");
    }

    @Test
    void sendingTrafficShowsPipelinesInTheJournal(FxRobot robot) {
        robot.clickOn("Send 2,000 commands");
        waitUntil("two pipeline rows", () -> app.window.journal().visibleRows().stream()
                .filter(e -> e.args().get(0).equals("PIPELINE")).count() >= 2);
        waitUntil("the result line", () -> robot.lookup(".result").queryLabeled().getText().contains("2,000 commands in 2 pipelines"));
    }

    @Test
    void ctrlPlusMinusAndZeroScaleTheWholeUi(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        waitUntil("scale 110%", () -> app.window.scaledPane().getScale() == 1.1);
        robot.press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        waitUntil("scale 120%", () -> app.window.scaledPane().getScale() == 1.2);
        Region content = (Region) app.window.scaledPane().getChildrenUnmodifiable().get(0);
        assertEquals(app.window.scaledPane().getWidth() / 1.2, content.getWidth(), 1.0, "layout fills the window at 1.2x");
        robot.press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
        waitUntil("scale 110%", () -> app.window.scaledPane().getScale() == 1.1);
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        waitUntil("scale 100%", () -> app.window.scaledPane().getScale() == 1.0);
    }

    @Test
    void ctrlDSwitchesTheThemeAndTheCssTokensFollow(FxRobot robot) {
        Region root = robot.lookup(".app-root").queryAs(Region.class);
        boolean wasDark = app.window.theme().dark();
        robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
        waitUntil("theme toggled", () -> app.window.theme().dark() != wasDark);
        Color expected = Color.web(app.window.theme().dark() ? "#14171d" : "#f7f8fa");
        waitUntil("background follows the theme", () -> root.getBackground().getFills().get(0).getFill().equals(expected));
        robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
        waitUntil("theme back", () -> app.window.theme().dark() == wasDark);
    }

    @Test
    void ctrlDigitJumpsToAGroupAndOnlyTheConceptOnScreenPolls(FxRobot robot) {
        int group = dev.valkeyexplainer.concept.ConceptGroup.PROBABILISTIC.shortcutDigit();
        KeyCode digit = KeyCode.valueOf("DIGIT" + group);
        robot.press(KeyCode.CONTROL).press(digit).release(digit).release(KeyCode.CONTROL);
        waitUntil("HyperLogLog on screen", () -> app.window.active().id().equals("hll"));
        assertTrue(app.window.activeView().isVisible() && app.window.activeView().getScene() != null);
        // Once the switch has settled, new journal rows come from the HyperLogLog poller, none from the Server view.
        int before = app.services.journal().size();
        waitUntil("the HLL concept polled", () -> app.services.journal().snapshot().stream().skip(before)
                .anyMatch(e -> e.conceptId().equals("hll")));
        // a poll of the Server view already in flight may still land: wait for the first HLL poll after it
        int settled = app.services.journal().size();
        waitUntil("two more HLL polls", () -> app.services.journal().snapshot().stream().skip(settled)
                .filter(e -> e.conceptId().equals("hll") && e.connection().equals("poller")).count() >= 2);
        assertFalse(app.services.journal().snapshot().stream().skip(settled).anyMatch(e -> e.conceptId().equals("server")),
                "the hidden Server view stopped polling");
        robot.press(KeyCode.ALT).press(KeyCode.HOME).release(KeyCode.HOME).release(KeyCode.ALT);
        waitUntil("Server back", () -> app.window.active().id().equals("server"));
    }

    @Test
    void aMalformedAddressInTheConnectionDialogIsExplainedAndTheDialogStaysOpen(FxRobot robot) {
        robot.clickOn("#connect-button");
        waitUntil("the dialog", () -> robot.lookup("An existing server:").tryQuery().isPresent());
        robot.clickOn("An existing server:");
        robot.clickOn(".dialog-pane .text-field").write("localhost:6379");
        robot.clickOn("Connect");
        waitUntil("the message", () -> robot.lookup(".dialog-pane .error-text").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().contains("has no scheme")));
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isPresent(), "the dialog is still open");
        robot.clickOn("Cancel");
        waitUntil("the dialog closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(app.services.gateway().status().connected(), "still on the sandbox");
    }

    @Test
    void aJournalRowCopiesAsValkeyCliAndAsGlideJavaAndTheTabFilterHidesOtherTabs(FxRobot robot) {
        waitUntil("INFO rows", () -> app.window.journal().visibleRows().stream().anyMatch(e -> e.args().get(0).equals("INFO")));
        robot.interact(() -> {
            var table = app.window.journal().table();
            int i = 0;
            while (!table.getItems().get(i).entry().args().get(0).equals("INFO")) i++;
            table.getSelectionModel().select(i);
        });
        robot.clickOn("#journal-copy-cli");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(clip[0].startsWith("valkey-cli -h 127.0.0.1 -p "), clip[0]);
        assertTrue(clip[0].endsWith("INFO server clients memory stats keyspace"), clip[0]);
        assertTrue(clip[0].contains("-a '****'") && !clip[0].contains(app.services.embedded().target().password()),
                "the password is masked");
        robot.clickOn("#journal-copy-java");
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(clip[0].startsWith("client.customCommand(new String[]{\"INFO\""), clip[0]);
        robot.clickOn("#journal-copy-python");
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("await client.custom_command([\"INFO\", \"server\", \"clients\", \"memory\", \"stats\", \"keyspace\"])",
                clip[0]);

        // rows of another tab disappear with "This tab only"
        app.services.gateway().send("hll", "test", dev.valkeyexplainer.valkey.Commands.ping());
        waitUntil("the other tab's row", () -> app.window.journal().visibleRows().stream().anyMatch(e -> e.conceptId().equals("hll")));
        robot.clickOn("#journal-this-concept");
        waitUntil("only this concept", () -> app.window.journal().visibleRows().stream().allMatch(e -> e.conceptId().equals("server")));
        robot.clickOn("#journal-this-concept");
    }

    @Test
    void f1OpensTheHelpOverlayAndEscapeClosesIt(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("help shown", () -> app.window.help().isVisible());
        assertTrue(robot.lookup("Ctrl+K or /").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("help hidden", () -> !app.window.help().isVisible());
    }
}
