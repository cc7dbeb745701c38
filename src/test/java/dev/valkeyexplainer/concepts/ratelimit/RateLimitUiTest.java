package dev.valkeyexplainer.concepts.ratelimit;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The rate-limiting tab in the real window, headless, against the app's sandbox server. */
class RateLimitUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "ratelimit"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private RateLimitModel model() {
        return ((RateLimitConcept) window.active()).model();
    }

    private long evalshaRows() {
        return app.journalRows("EVALSHA ");
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Fills a field (as typing would; quicker than the robot's keystrokes on a busy machine). */
    private static FxRobot set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
        return robot;
    }

    private void fresh(FxRobot robot) {
        robot.clickOn("#rl-mode-limits").clickOn("#rl-reset");
        waitUntil("fresh limiters", () -> model().casts.get().isEmpty() && model().live.get() != null
                && !model().live.get().bucket().exists());
    }

    @Test
    void aSpellUpdatesTheGaugeFromTheHashAndAKeyCastsAnother(FxRobot robot) {
        fresh(robot);
        long before = evalshaRows();
        robot.clickOn("#rl-cast-3");
        waitUntil("the gauge shows the bucket read back", () -> model().live.get().bucket().exists()
                && model().live.get().bucket().tokens() == 2.0);
        Verdicts.Cast c = model().casts.get().get(0);
        assertTrue(c.bucket().allowed() && c.fixed().allowed() && c.log().allowed(), RateLimitTab.describe(c));
        assertEquals(2_000, c.bucket().milliTokens(), "a new bucket of 5 starts full; cost 3 leaves 2");
        assertEquals(c.bucket().nowMs(), model().live.get().bucket().lastUpdate(), "last_update is the script's TIME");
        waitUntil("three EVALSHA rows", () -> evalshaRows() == before + 3);
        robot.clickOn("#rl-timeline").type(KeyCode.DIGIT5);
        waitUntil("the second spell", () -> model().casts.get().size() == 2);
        Verdicts.Cast dear = model().casts.get().get(1);
        assertEquals(5, dear.cost());
        assertFalse(dear.bucket().allowed(), "2 and a bit tokens do not pay for 5");
        assertTrue(dear.fixed().allowed(), "the window counts it as one spell, whatever it costs");
        assertTrue(label(robot, "#rl-headline").startsWith("Spell "), label(robot, "#rl-headline"));
    }

    @Test
    void badInputGetsAMessageAndSendsNothingUnlessTheScriptsAreLeftToRefuseIt(FxRobot robot) {
        robot.clickOn("#rl-mode-limits");
        long before = evalshaRows();
        robot.clickOn("#rl-capacity").eraseText(3).write("0");
        robot.clickOn("#rl-cast-1");
        waitUntil("capacity 0", () -> label(robot, "#rl-problem").contains("holds no tokens"));
        set(robot, "#rl-capacity", "3");
        set(robot, "#rl-rate", "0").clickOn("#rl-cast-1");
        waitUntil("refill 0", () -> label(robot, "#rl-problem").contains("never gives a token back"));
        set(robot, "#rl-rate", "1").clickOn("#rl-cast-5");
        waitUntil("cost 5 > capacity 3", () -> label(robot, "#rl-problem").contains("can never be cast"));
        set(robot, "#rl-window", "1e9").clickOn("#rl-cast-1");
        waitUntil("an absurd window", () -> label(robot, "#rl-problem").contains("out of range"));
        assertEquals(before, evalshaRows(), "nothing was sent");

        set(robot, "#rl-window", "5").clickOn("#rl-unchecked").clickOn("#rl-cast-5");
        waitUntil("the script's own refusal", () -> label(robot, "#rl-problem").contains("Token bucket: the script refused: cost 5 is more than the capacity 3"));
        assertTrue(label(robot, "#rl-problem").startsWith("The server refused"), label(robot, "#rl-problem"));
        waitUntil("sent this time", () -> evalshaRows() == before + 3);
        robot.clickOn("#rl-unchecked");
        set(robot, "#rl-capacity", "5");
    }

    @Test
    void theStreamKeepsCastingUntilItIsStopped(FxRobot robot) {
        fresh(robot);
        robot.clickOn("#rl-stream");
        waitUntil("the stream cast three spells", () -> model().casts.get().size() >= 3);
        robot.clickOn("#rl-stream");
        assertTrue(model().casts.get().stream().allMatch(c -> c.cost() == 1 && !c.failed()));
        assertFalse(robot.lookup("#rl-stream").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void scriptFlushThenASpellShowsGlidesFallbackInTheServersCounters(FxRobot robot) {
        robot.clickOn("#rl-mode-scripts").clickOn("#rl-load");
        waitUntil("the SHAs", () -> label(robot, "#rl-shas").contains(Limiter.BUCKET.sha() + " = Glide's hash"));
        robot.clickOn("#rl-flush");
        waitUntil("the counters", () -> label(robot, "#rl-script-note").contains("SCRIPT EXISTS now: 1 1 1"));
        String note = label(robot, "#rl-script-note");
        assertTrue(note.contains("SCRIPT EXISTS said 0 0 0"), note);
        assertTrue(note.contains("EVALSHA +6, 3 of them failed (NOSCRIPT), and SCRIPT LOAD +3"), note);
    }
}
