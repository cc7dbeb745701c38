package dev.valkeyexplainer.concepts.semantic;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The semantic cache tab in the real window, headless, against a sandbox server. */
class SemanticUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "semantic"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void aQuestionMissesThenItsParaphraseHits(FxRobot robot) {
        waitUntil("the model loaded", () -> label(robot, "#semantic-model-status").startsWith("Embedding model ready"));
        robot.clickOn("#semantic-clear");
        waitUntil("the cache is empty", () -> label(robot, "#semantic-message").startsWith("Deleted"));
        assertFalse(isProblem(robot), "a result is not shown as a problem");
        ask(robot, SemanticConcept.TALK_FIRST);
        waitUntil("a miss", () -> label(robot, "#semantic-badge").equals("MISS") && label(robot, "#semantic-answer").contains("18:00"));
        ask(robot, SemanticConcept.TALK_SECOND);
        waitUntil("a hit", () -> label(robot, "#semantic-badge").equals("HIT"));
        assertTrue(label(robot, "#semantic-answer").contains("The Ember Crown"));
        assertTrue(journalRows(robot).stream().anyMatch(e -> e.commandText().startsWith("FCALL vx_semantic_knn 1 vx:{sem}:route")),
                "the search is journaled as the FCALL it is");
        assertTrue(journalRows(robot).stream().anyMatch(e -> e.commandText().startsWith("HSET vx:{sem}:q:")));
        assertTrue(label(robot, "#semantic-stats").startsWith("This session: 1 hit, 1 miss."));
    }

    @Test
    void emptyAndEmojiOnlyQuestionsAreRefusedWithAMessage(FxRobot robot) {
        waitUntil("the model loaded", () -> label(robot, "#semantic-model-status").startsWith("Embedding model ready"));
        long rows = journalRows(robot).size();
        robot.clickOn("#semantic-question").eraseText(200);
        robot.clickOn("#semantic-ask");
        waitUntil("the empty message", () -> label(robot, "#semantic-message").equals("Type a question first."));
        robot.clickOn("#semantic-question");
        robot.interact(() -> robot.lookup("#semantic-question").queryAs(javafx.scene.control.TextField.class).setText("🐉🐉"));
        robot.clickOn("#semantic-ask");
        waitUntil("the emoji message", () -> label(robot, "#semantic-message").startsWith("Ask with words"));
        assertTrue(isProblem(robot), "a refusal is shown as a problem");
        // k as typed: out of range is refused with a sentence, not reset to 5 behind the user's back
        robot.interact(() -> robot.lookup("#semantic-question").queryAs(javafx.scene.control.TextField.class)
                .setText(SemanticConcept.TALK_FIRST));
        for (String typed : new String[]{"0", "100000", "-2"}) {
            robot.interact(() -> robot.lookup("#semantic-k").queryAs(javafx.scene.control.TextField.class).clear());
            robot.clickOn("#semantic-k").write(typed);
            robot.clickOn("#semantic-ask");
            waitUntil("k's message for " + typed, () -> label(robot, "#semantic-message").startsWith("k must be a whole number from 1 to 10"));
            assertEquals(typed, robot.lookup("#semantic-k").queryAs(javafx.scene.control.TextField.class).getText(), "kept as typed");
        }
        assertEquals(rows, journalRows(robot).size(), "nothing was sent");
        robot.interact(() -> robot.lookup("#semantic-k").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#semantic-k").write("3");
        waitUntil("the message goes once k is good", () -> label(robot, "#semantic-message").isEmpty());
        assertEquals(rows, journalRows(robot).size(), "nothing was sent");
    }

    private static boolean isProblem(FxRobot robot) {
        return robot.lookup("#semantic-message").query().getStyleClass().contains(dev.valkeyexplainer.concept.MessageReveal.STYLE_CLASS);
    }

    private void ask(FxRobot robot, String q) {
        robot.interact(() -> robot.lookup("#semantic-question").queryAs(javafx.scene.control.TextField.class).setText(q));
        robot.clickOn("#semantic-question").type(KeyCode.END).type(KeyCode.ENTER);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
