package dev.valkeyexplainer.concepts.herd;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.Commands;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The thundering-herd concept: the Right arrow steps the race one command at a time, with a long step-mode lock. */
class HerdUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "herd"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private long raceRows() {
        return window.journal().visibleRows().stream().filter(e -> e.conceptId().equals("herd")
                && e.connection().startsWith("worker-")).count();
    }

    private StepPlayer player() {
        return window.active().player().orElseThrow();
    }

    private void step(FxRobot robot) {
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("the step is done", () -> !player().busyProperty().get());
    }

    @Test
    void eachStepSendsExactlyOneCommandAndTheRaceEndsWithOneLoad(FxRobot robot) {
        waitUntil("the game database started", () -> !robot.lookup("#herdRun").queryAs(javafx.scene.control.Button.class).isDisabled());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT); // starts the race: the key expires, the workers line up
        waitUntil("the key expired", () -> app.journalRows("PEXPIRE vx:herd:player:42") >= 1);
        waitUntil("first step done", () -> !player().busyProperty().get());
        long before = raceRows();
        for (int i = 1; i <= 3; i++) {
            step(robot);
            assertEquals(before + i, raceRows(), "step " + i + " let exactly one command through");
        }
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE); // play the rest
        waitUntil("the race finished", () -> robot.lookup(".step-headline").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("1 database load for one expiry with the lock")));
    }

    /** Issue 9: stepped at a presenter's pace, a 5 s lock expired between steps and let a second load in. */
    @Test
    void stepModeTakesTheLockForTenMinutesAndShowsItsTtlCountingDown(FxRobot robot) throws Exception {
        waitUntil("the game database started", () -> !robot.lookup("#herdRun").queryAs(javafx.scene.control.Button.class).isDisabled());
        assertTrue(robot.lookup("#herdStepNote").queryAs(Label.class).getText().contains("10 min (SET … NX EX 600)"));
        robot.interact(() -> player().reset());
        java.util.function.BooleanSupplier won = () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.commandText().startsWith("SET vx:lock:herd:player:42") && e.reply().equals("\"OK\""));
        for (int i = 0; i < 6 && !won.getAsBoolean(); i++) {
            step(robot); // GET, GET, SET NX: the lock is won by step 4
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the journal adds its rows on the FX thread
        }
        assertTrue(won.getAsBoolean(), "a worker won the lock");
        long pttl = app.services.gateway().send("test", "test", Commands.read("PTTL", "vx:lock:herd:player:42"))
                .thenApply(v -> (Long) v).get(5, TimeUnit.SECONDS);
        assertTrue(pttl > 590_000 && pttl <= 600_000, "the step-mode lock's PTTL from the server: " + pttl);
        assertTrue(journalRows(robot).stream().anyMatch(e -> e.commandText().startsWith("SET vx:lock:herd:player:42")
                && e.commandText().endsWith("NX EX 600")), "SET … NX EX 600");
        waitUntil("the countdown shows the held lock", () -> robot.lookup(".muted").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("The lock: held by worker-")
                        && l.getText().contains("of 10 min")));
        robot.interact(() -> player().reset());
    }
}
