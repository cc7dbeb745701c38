package dev.valkeyexplainer.shell;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.testutil.UiTestBase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The shell's navigation, search, history, talk mode and forms, in the real window against a sandbox server. */
class NavigationUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[0];
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void viewsAreBuiltTheFirstTimeAConceptIsShown(FxRobot robot) {
        Concept hll = window.byId("hll").orElseThrow();
        assertFalse(window.viewBuilt(hll), "not built before it is shown");
        robot.interact(() -> window.select("hll"));
        assertTrue(window.viewBuilt(hll));
        assertEquals("hll", window.active().id());
    }

    @Test
    void ctrlKFindsAConceptByACommandItUsesAndEnterOpensIt(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil("search open", () -> window.search().isVisible());
        robot.write("PFMERGE");
        waitUntil("one result", () -> window.search().results().getItems().size() == 1);
        assertEquals("hll", window.search().results().getItems().get(0).id());
        robot.type(KeyCode.ENTER);
        waitUntil("HyperLogLog open", () -> window.active().id().equals("hll") && !window.search().isVisible());
    }

    @Test
    void slashOpensTheSearchAndEscapeClosesIt(FxRobot robot) {
        robot.clickOn("#concept-host");
        robot.write("/");
        waitUntil("search open", () -> window.search().isVisible());
        robot.type(KeyCode.ESCAPE);
        waitUntil("search closed", () -> !window.search().isVisible());
    }

    @Test
    void altLeftAndAltRightGoBackAndForwardThroughVisitedConcepts(FxRobot robot) {
        robot.interact(() -> window.select("server"));
        robot.interact(() -> window.select("herd"));
        robot.interact(() -> window.select("hll"));
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil("back to herd", () -> window.active().id().equals("herd"));
        robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil("back to server", () -> window.active().id().equals("server"));
        robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
        waitUntil("forward to herd", () -> window.active().id().equals("herd"));
    }

    @Test
    void pressingAGroupKeyAgainCyclesThroughTheGroup(FxRobot robot) {
        KeyCode caching = KeyCode.valueOf("DIGIT" + dev.valkeyexplainer.concept.ConceptGroup.CACHING.shortcutDigit());
        robot.press(KeyCode.CONTROL).press(caching).release(caching).release(KeyCode.CONTROL);
        waitUntil("cache-aside", () -> window.active().id().equals("cache"));
        robot.press(KeyCode.CONTROL).press(caching).release(caching).release(KeyCode.CONTROL);
        waitUntil("thundering herd", () -> window.active().id().equals("herd"));
    }

    @Test
    void theNavigationTreeOpensTheConceptClickedAndFollowsKeys(FxRobot robot) {
        robot.interact(() -> window.setNavigationVisible(true));
        robot.clickOn("Thundering herd");
        waitUntil("herd open", () -> window.active().id().equals("herd"));
        robot.interact(() -> window.select("hll"));
        Object selected = window.navigation().tree().getSelectionModel().getSelectedItem().getValue();
        assertEquals("hll", ((Concept) selected).id(), "the tree follows the concept on screen");
        robot.press(KeyCode.CONTROL).press(KeyCode.B).release(KeyCode.B).release(KeyCode.CONTROL);
        waitUntil("folded", () -> !window.navigationVisible());
    }

    /** "ok" when the journal's bar is the whole visible journal, else the figures (for the message). */
    private String journalFit() {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.Node pane = window.journal();
                javafx.scene.Node bar = window.journal().getTop();
                javafx.geometry.Bounds j = pane.localToScene(pane.getLayoutBounds());
                javafx.geometry.Bounds b = bar.localToScene(bar.getLayoutBounds());
                boolean ok = Math.abs(j.getHeight() - b.getHeight()) <= 1.5 && b.getMinY() >= j.getMinY() - 0.5
                        && window.journal().getCenter() == null; // the table is not drawn over or under the bar
                return (ok ? "ok " : "not yet ") + String.format(java.util.Locale.ROOT, "journal y %.1f h %.1f, bar y %.1f h %.1f",
                        j.getMinY(), j.getHeight(), b.getMinY(), b.getHeight());
            }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void talkModeWalksTheTalkWithNotesAndPageKeys(FxRobot robot) {
        robot.interact(window::startTalk);
        TalkMode talk = window.talk().orElseThrow();
        waitUntil("first step done", () -> !talk.busy());
        assertTrue(window.talkBar().progressText().startsWith("section 1 of "), window.talkBar().progressText());
        assertFalse(window.talkBar().noteText().isBlank(), "a speaker note");
        assertEquals("server", window.active().id());
        // the journal steps aside: its bar stays whole, and no sliver of its table shows under it
        waitUntil("only the journal's bar shows: " + journalFit(), () -> journalFit().startsWith("ok"));
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("second step done", () -> talk.positionProperty().get().index() == 1 && !talk.busy());
        assertTrue(talk.positionProperty().get().error().isEmpty(), talk.positionProperty().get().error());
        int serverSteps = talk.positionProperty().get().steps();
        for (int i = 2; i <= serverSteps; i++) {
            int want = i;
            robot.type(KeyCode.PAGE_DOWN);
            waitUntil("step " + want, () -> talk.positionProperty().get().index() == want && !talk.busy());
        }
        assertEquals("cache", window.active().id(), "the next section opened its concept");
        assertTrue(window.talkBar().progressText().startsWith("section 2 of "), window.talkBar().progressText());
        robot.type(KeyCode.PAGE_UP);
        waitUntil("back in the Server section", () -> window.active().id().equals("server") && !talk.busy());
        robot.type(KeyCode.ESCAPE);
        waitUntil("talk mode left", () -> window.talk().isEmpty());
    }

    @Test
    void everyFormUnderTheFxmlFolderLoadsWithEveryFieldInjected(FxRobot robot) throws Exception {
        // building every concept's view and opening the dialogs loads every form; a missing @FXML injection throws
        for (Concept c : app.services.concepts()) robot.interact(() -> window.select(c.id()));
        robot.clickOn("#connect-button");
        waitUntil("the dialog", () -> robot.lookup("#connect-address").tryQuery().isPresent());
        robot.clickOn("Cancel");
        robot.type(KeyCode.F1); // the help card is built the first time it opens
        waitUntil("help shown", () -> window.help().isVisible());
        robot.type(KeyCode.ESCAPE);
        assertEquals(allForms(), window.fxml().loaded());
    }

    private static Set<String> allForms() throws URISyntaxException, IOException {
        Path root = Path.of(NavigationUiTest.class.getResource("/fxml").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".fxml")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }
}
