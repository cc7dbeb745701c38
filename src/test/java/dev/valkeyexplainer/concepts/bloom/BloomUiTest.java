package dev.valkeyexplainer.concepts.bloom;

import static dev.valkeyexplainer.testutil.UiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiTestBase;
import dev.valkeyexplainer.valkey.JournalEntry;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Bloom tab in the real window, headless, against a sandbox server. */
class BloomUiTest extends UiTestBase {

    @Override
    protected String[] options() {
        return new String[]{"--tab", "bloom"};
    }

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private BloomModel model() {
        return ((BloomConcept) window.active()).model();
    }

    private List<JournalEntry> rows(String prefix) {
        return window.journal().visibleRows().stream().filter(e -> e.commandText().startsWith(prefix)).toList();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theTalksWalkThroughEndsWithFranksFalsePositiveExplained(FxRobot robot) {
        robot.clickOn("#bloom-mode-bits").clickOn("#bloom-talk");
        waitUntil("Frank's test has an answer", () -> {
            BloomModel.Walk w = model().walk.get();
            return w != null && w.item().equals("Frank") && !w.verdict().isEmpty();
        });
        String verdict = text(robot, "#bloom-verdict");
        assertTrue(verdict.contains("Frank was never added: a false positive"), verdict);
        assertTrue(verdict.contains("bit 2 (set by Charlie)") && verdict.contains("bit 9 (set by Doris)"), verdict);
        assertTrue(verdict.contains("computed in Java ✓"), verdict);
        BloomState.SubFilter bits = model().filter.get().filters().get(0);
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < 10; i++) read.append(bits.bit(i));
        assertEquals("0011001111", read.toString(), "the server's bits, as GETRANGE returned them");
        assertEquals(4, bits.n());
        assertTrue(model().marks.get().probed(0, 2) && model().marks.get().probed(0, 9), "Frank's bits are the ones ringed");
        assertTrue(rows("GETRANGE").size() >= 6, "the bits were read back after every step");
        assertTrue(rows("GETBIT").size() >= 12, "each hash position was read as the walk reached it");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsSent(FxRobot robot) {
        robot.clickOn("#bloom-mode-bits");
        long scripts = rows("EVALSHA").size();
        robot.clickOn("#bloom-item").eraseText(40);
        robot.clickOn("#bloom-add");
        waitUntil("the empty-item message", () -> text(robot, "#bloom-problem").contains("Type an item first"));
        robot.clickOn("#bloom-m").eraseText(12).write("0").clickOn("#bloom-create");
        waitUntil("the m message", () -> text(robot, "#bloom-problem").contains("at least 1 bit"));
        robot.clickOn("#bloom-m").eraseText(12).write("99999999").clickOn("#bloom-create");
        waitUntil("the bound message", () -> text(robot, "#bloom-problem").contains("above this tab's bound"));
        robot.clickOn("#bloom-m").eraseText(12).write("64");
        robot.clickOn("#bloom-k").eraseText(5).write("0").clickOn("#bloom-create");
        waitUntil("the k message", () -> text(robot, "#bloom-problem").contains("at least one hash function"));
        robot.clickOn("#bloom-mode-experiment");
        robot.clickOn("#bloom-exp-n").eraseText(12).write("5000000").clickOn("#bloom-run");
        waitUntil("the N message", () -> text(robot, "#bloom-problem").contains("above this tab's bound"));
        assertEquals(scripts, rows("EVALSHA").size(), "no script ran");
    }

    @Test
    void scalingStacksSubFiltersAndTheExperimentMeasures(FxRobot robot) {
        robot.clickOn("#bloom-mode-scaling").clickOn("#bloom-create-scaling");
        waitUntil("sub-filter #0", () -> model().filter.get() != null && model().filter.get().scaling()
                && model().filter.get().filters().size() == 1);
        robot.clickOn("#bloom-bulk-n").eraseText(10).write("700").clickOn("#bloom-bulk");
        waitUntil("three sub-filters (100 + 200 + 400)", () -> model().filter.get() != null && model().filter.get().filters().size() == 3
                && model().progress.get() != null && model().progress.get().done() == 700);
        assertEquals(List.of(100L, 200L, 400L), model().filter.get().filters().stream().map(BloomState.SubFilter::capacity).toList());
        robot.clickOn("#bloom-mode-experiment");
        robot.clickOn("#bloom-exp-m").eraseText(12).write("20000");
        robot.clickOn("#bloom-exp-n").eraseText(12).write("2000");
        robot.clickOn("#bloom-exp-probes").eraseText(12).write("4000");
        robot.clickOn("#bloom-run");
        waitUntil("the result", () -> text(robot, "#bloom-experiment-result").contains("false positives ="));
        Experiment.Result r = model().experiment.get();
        assertEquals(20_000, r.m());
        assertTrue(r.setBytes() > r.bitmapBytes(), "the Set is bigger than the bitmap");
        assertTrue(text(robot, "#bloom-experiment-result").contains(r.agrees() ? "within the band" : "outside the band"));
    }
}
