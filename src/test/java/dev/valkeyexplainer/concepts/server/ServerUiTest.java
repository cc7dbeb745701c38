package dev.valkeyexplainer.concepts.server;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Server concept's "Try it" in the real window: the form from FXML, found by fx:id. */
class ServerUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "server"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void sendingTrafficShowsTheMedianOfTheLoneGetsAndItsCodeInBothLanguages(FxRobot robot) {
        robot.clickOn("#serverTraffic");
        waitUntil("the figures", () -> robot.lookup("#serverTrafficResult").queryAs(Label.class).getText()
                .contains("(median of " + TrafficRun.SINGLE_GETS));
        assertTrue(!robot.lookup("#serverTraffic").queryAs(Button.class).isDisabled(), "the button is back");
        String code = robot.lookup(".code-panel .code").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(code.contains("Expiry.Seconds(300L)") || code.contains("ExpirySet(ExpiryType.SEC, 300)"), code);
    }
}
