package dev.valkeyexplainer.concepts.herd;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;

import dev.valkeyexplainer.testutil.OwnServerUiTest;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9: after an outage "Run the race" sent no commands until the step player's Reset was pressed.
 * The server is killed during a race (real time, and stepped) and restarted; the next "Run the race"
 * must run a whole race with nothing else pressed.
 */
class HerdOutageUiTest extends OwnServerUiTest {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "herd"};
    }

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    private void outageThenRunAgain(FxRobot robot) {
        server.kill();
        waitUntil("down", () -> !app.services.gateway().status().connected());
        server.restart();
        waitUntil("reconnected", () -> app.services.gateway().status().connected());
        waitUntil("Run is enabled again", () -> !robot.lookup("#herdRun").queryAs(Button.class).isDisabled());
        long expiries = app.journalRows("PEXPIRE vx:herd:player:42");
        robot.clickOn("#herdRun");
        waitUntil("the new race sent its commands", () -> app.journalRows("PEXPIRE vx:herd:player:42") > expiries);
        waitUntil("and finished", () -> robot.lookup(".step-headline").queryAs(Label.class).getText()
                .matches("\\d+ database loads? for one expiry with the lock.*"));
    }

    @Test
    void runTheRaceWorksAfterAnOutageInTheMiddleOfARealTimeRace(FxRobot robot) {
        waitUntil("the game database started", () -> !robot.lookup("#herdRun").queryAs(javafx.scene.control.Button.class).isDisabled());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<HerdSetup> setup = robot.lookup("#herdSetup").queryAs(ComboBox.class);
            setup.setValue(HerdSetup.LOCK_EXPIRES);
        });
        robot.clickOn("#herdRun");
        waitUntil("the race took the lock", () -> app.journalRows("SET vx:lock:herd:player:42") >= 1);
        outageThenRunAgain(robot);
    }

    @Test
    void runTheRaceWorksAfterAnOutageInTheMiddleOfASteppedRace(FxRobot robot) {
        waitUntil("the game database started", () -> !robot.lookup("#herdRun").queryAs(javafx.scene.control.Button.class).isDisabled());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<HerdSetup> setup = robot.lookup("#herdSetup").queryAs(ComboBox.class);
            setup.setValue(HerdSetup.NORMAL);
        });
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("a worker sent GET", () -> app.journalRows("GET vx:herd:player:42") >= 1);
        outageThenRunAgain(robot);
    }
}
