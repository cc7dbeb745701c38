package dev.valkeyexplainer.concepts.hll;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.CodeLanguage;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.SnippetCheck;
import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The HyperLogLog concept in the real window, headless, against a sandbox server; nodes found by fx:id. */
class HllUiTest extends UiTestBase {

    private final String dau = "vx:hll:dau:" + LocalDate.now();

    @Override
    protected String[] options() {
        return new String[]{"--tab", "hll"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        send(Commands.read("CONFIG", "SET", "maxmemory", "0"));
        app.services.gateway().resetNamespace("test").get(10, TimeUnit.SECONDS);
    }

    private <T> T send(ValkeyCall<T> call) throws Exception {
        return app.services.gateway().send("test", "test", call).get(10, TimeUnit.SECONDS);
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private long polls() {
        return app.services.journal().snapshot().stream().filter(e -> e.conceptId().equals("hll") && e.connection().equals("poller")
                && e.kind() == JournalEntry.Kind.MULTI).count();
    }

    private void nextPoll() {
        long n = polls();
        waitUntil("the next poll", () -> polls() > n);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void addingANameLightsItsRegisterOnTheGridAndWritesTheCommandsToTheJournal(FxRobot robot) {
        HllHash h = HllHash.of("zelda");
        robot.clickOn("#hllName").write("zelda").type(KeyCode.ENTER);
        waitUntil("the five steps ran", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.connection().equals("add") && e.kind() == JournalEntry.Kind.MULTI));
        waitUntil("the grid shows the server's register", () -> grid().registers()[h.index()] == h.value());
        assertEquals(h.index(), grid().highlighted());
        List<JournalEntry> rows = journalRows(robot);
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("PFADD " + dau) && e.commandText().endsWith(" zelda")
                && e.reply().equals("(true)")), "PFADD row with its reply");
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("GET " + dau) && e.reply().startsWith("<")),
                "the raw value read as bytes");
        waitUntil("the history line", () -> robot.lookup(".history-ok").tryQuery().isPresent());
        assertTrue(robot.lookup(".history-ok").queryAs(Label.class).getText().startsWith("zelda → register"));
        var code = codePanel(robot).snippet();
        assertTrue(SnippetCheck.mismatch(code).isEmpty(), SnippetCheck.mismatch(code).orElse(""));
        assertTrue(SnippetCheck.commands(code.python(), CodeLanguage.PYTHON).containsAll(List.of("MULTI", "GET", "PFCOUNT", "EXEC")));
    }

    @Test
    void anEmptyNameIsRefusedWithAMessage(FxRobot robot) {
        robot.clickOn("#hllName").eraseText(20);
        robot.clickOn("#hllAdd");
        waitUntil("the message", () -> label(robot, "#hllMessage").equals("Type a user name first."));
    }

    /** Issue 9: between the steps of an add, "✗ ≠ PFCOUNT" flashed: a check of a half-updated state. */
    @Test
    void steppingAnAddNeverShowsAFailedCheck(FxRobot robot) throws Exception {
        robot.interact(() -> window.active().player().orElseThrow().reset());
        send(Commands.pfadd(dau, "alice", "bob"));
        send(Commands.sadd(dau + ":names", "alice", "bob"));
        onFx(() -> controls().addFully("carol")).get(30, TimeUnit.SECONDS); // the page has a PFCOUNT of 3 on screen
        List<String> shown = new CopyOnWriteArrayList<>();
        Label recomputed = robot.lookup("#hllRecomputed").queryAs(Label.class);
        robot.interact(() -> recomputed.textProperty().addListener((o, a, b) -> shown.add(b)));
        robot.clickOn("#hllName").eraseText(20).write("doris");
        javafx.scene.Node stepButton = robot.from(robot.lookup("#hllPlayerBox").queryAll()).lookup(".button")
                .match((javafx.scene.control.Button b) -> b.getText().equals("Step")).query();
        for (int step = 1; step <= 5; step++) {
            robot.clickOn(stepButton);
            waitUntil("step " + step + " done", () -> !window.active().player().orElseThrow().busyProperty().get());
            nextPoll(); // a poll between every two steps, as at a presenter's pace
        }
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("4 ✓")), "the count after the add was shown: " + shown);
        assertFalse(shown.stream().anyMatch(t -> t.contains("✗")), "a failed check flashed: " + shown);
    }

    @Test
    void registersAtTheMaximumShowTheServersNegativePfcountAndExplainTheOverflow(FxRobot robot) throws Exception {
        send(HllFixtures.setBytes(dau, HllFixtures.denseAll(50)));
        waitUntil("the poll shows what the server replied", () -> label(robot, "#hllPfcount").equals("-9,223,372,036,854,775,808"));
        assertEquals("2^63 or more: too big for a 64-bit integer", label(robot, "#hllRecomputed"));
        assertTrue(robot.lookup("#hllOverflow").queryAs(Label.class).isVisible());
        assertTrue(label(robot, "#hllOverflow").contains("llroundl() into a long long, which overflows"));
    }

    /** Issue 9: a damaged key made --screenshots exit without naming it, and no other picture was taken. */
    @Test
    void aDamagedKeyIsNamedAndTheScreenshotStepsGoOn(FxRobot robot) throws Exception {
        send(Commands.pfadd(dau, "alice"));
        send(Commands.write(List.of(dau), "APPEND", dau, "hello"));
        waitUntil("the poll names the key", () -> label(robot, "#hllError").startsWith(dau + " is damaged: "));
        assertTrue(label(robot, "#hllError").contains("\"Reset demo data\""));
        List<ScreenshotStep> steps = onFx(() -> window.active().screenshotSteps());
        String add = steps.get(0).prepare().get().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(add.startsWith("HyperLogLog, adding a user: stopped, " + dau + " is damaged"), add);
        String merge = steps.get(1).prepare().get().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(merge.contains("merged = 4"), "the next picture is taken as usual: " + merge);
    }

    /** Issue 9: OOM replies were ignored, and the previous run's results stayed on screen. */
    @Test
    void anOomReplyStopsTheExperimentAndShowsTheServersMessageWithNothingStaleOnScreen(FxRobot robot) throws Exception {
        onFx(() -> controls().runExperiment(1_000)).get(30, TimeUnit.SECONDS);
        waitUntil("the first run's memory", () -> label(robot, "#hllMemorySet").startsWith("Set: "));
        send(Commands.read("CONFIG", "SET", "maxmemory-policy", "noeviction"));
        send(Commands.read("CONFIG", "SET", "maxmemory", "1mb"));
        onFx(() -> controls().runExperiment(100_000).handle((p, e) -> null));
        waitUntil("the server's message", () -> label(robot, "#hllExperimentResult")
                .startsWith("Stopped: The server refused PFADD after 0 users: OOM"));
        assertEquals("", label(robot, "#hllMemorySet"), "the previous run's memory figures are gone");
        assertTrue(hllView().chart.progress() == null || hllView().chart.progress().points().isEmpty(), "no points drawn");
    }

    private HllControlsController controls() {
        return ((HllConcept) window.active()).controls();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private RegisterGrid grid() {
        return hllView().grid;
    }

    private HllView hllView() {
        return (HllView) window.activeView().lookup(".hll-view");
    }
}
