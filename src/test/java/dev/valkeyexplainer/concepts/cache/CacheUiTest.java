package dev.valkeyexplainer.concepts.cache;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.concept.SnippetCheck;
import dev.valkeyexplainer.testutil.UiTestBase;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The cache-aside concept in the real window, headless, against a sandbox server and the H2 database. */
class CacheUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "cache"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private void databaseReady(FxRobot robot) {
        waitUntil("the game database started", () -> !robot.lookup("#cacheParts").queryAs(StackPane.class).isDisabled());
    }

    @Test
    void aLookupMissesThenHitsWithJournalRowsAndCounters(FxRobot robot) {
        databaseReady(robot);
        robot.doubleClickOn("#cachePlayerId").write("123").type(KeyCode.ENTER);
        waitUntil("the miss wrote the row", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.commandText().startsWith("SET vx:player:123 {") && e.commandText().contains("EX 60")));
        robot.clickOn("#cacheLookup");
        waitUntil("the second lookup hit", () -> robot.lookup(".hit-text").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().startsWith("player 123")));
        assertTrue(journalRows(robot).stream().filter(e -> e.commandText().equals("GET vx:player:123")).count() >= 2);
        waitUntil("the counters", () -> robot.lookup(".stat-value").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("50.0%")));
    }

    /** Issue 9: the code panel said EX 60 while the slider was at 5 s. */
    @Test
    void theCodePanelAndTheCommandUseTheTtlOnTheSlider(FxRobot robot) {
        databaseReady(robot);
        robot.interact(() -> robot.lookup("#cacheTtl").queryAs(Slider.class).setValue(5));
        Snippet shown = codePanel(robot).snippet();
        assertTrue(shown.java().contains("Expiry.Seconds(5L)"), shown.java());
        assertTrue(shown.python().contains("ExpirySet(ExpiryType.SEC, 5)"), shown.python());
        robot.doubleClickOn("#cachePlayerId").write("321").type(KeyCode.ENTER);
        waitUntil("the miss wrote the row with EX 5", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.commandText().startsWith("SET vx:player:321 {") && e.commandText().endsWith("EX 5")));
        assertTrue(SnippetCheck.commands(shown.java(), CodeLanguage.JAVA).containsAll(java.util.Set.of("GET", "SET")));
        robot.interact(() -> robot.lookup("#cacheTtl").queryAs(Slider.class).setValue(60));
    }

    @Test
    void aBadPlayerIdGetsAMessage(FxRobot robot) {
        databaseReady(robot);
        robot.doubleClickOn("#cachePlayerId").write("abc").type(KeyCode.ENTER);
        waitUntil("the message", () -> robot.lookup("#cacheMessage").queryAs(Label.class).getText()
                .startsWith("The player id must be"));
    }

    @Test
    void theRefreshThresholdCannotPassTheTtlSoTheFigureShownIsTheOneUsed(FxRobot robot) {
        databaseReady(robot);
        robot.clickOn("#cacheModeHot");
        Slider ttl = robot.lookup("#cacheHotTtl").queryAs(Slider.class);
        Slider under = robot.lookup("#cacheThreshold").queryAs(Slider.class);
        robot.interact(() -> {
            ttl.setValue(6);
            under.setValue(20);
        });
        assertEquals(5, under.getValue(), 1e-9, "at most TTL − 1 s");
        assertEquals("Refresh when under: 5 s", robot.lookup("#cacheThresholdLabel").queryAs(Label.class).getText());
        robot.interact(() -> ttl.setValue(40));
        robot.interact(() -> under.setValue(20));
        assertEquals(20, under.getValue(), 1e-9, "20 s once the TTL allows it");
    }
}
