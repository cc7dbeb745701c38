package dev.valkeyexplainer.concepts.hll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.app.AppServices;
import dev.valkeyexplainer.app.Options;
import dev.valkeyexplainer.concept.ConceptRegistry;
import dev.valkeyexplainer.shell.MainWindow;
import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The HyperLogLog tab in the real window, headless, against a sandbox server. */
@ExtendWith(ApplicationExtension.class)
class HllUiTest {

    private static AppServices services;
    private static MainWindow window;
    private static HllConcept hll;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new AppServices(Options.parse("--tab", "hll"), ConceptRegistry.standard());
        assertTrue(services.connectInitial().get(30, TimeUnit.SECONDS).connected());
        hll = (HllConcept) services.registry().byId("hll").orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (services != null) services.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, Platform::runLater);
        Scene scene = new Scene(window.root(), 1500, 950);
        window.install(scene, stage);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void addingANameLightsItsRegisterOnTheGridAndWritesTheCommandsToTheJournal(FxRobot robot) {
        HllHash h = HllHash.of("zelda");
        robot.clickOn("#hll-name").write("zelda").type(KeyCode.ENTER);
        waitUntil("the five steps ran", () -> window.journal().visibleRows().stream()
                .anyMatch(e -> e.args().get(0).equals("PFCOUNT")));
        waitUntil("the grid shows the server's register", () -> grid().registers()[h.index()] == h.value());
        assertEquals(h.index(), grid().highlighted());
        List<JournalEntry> rows = window.journal().visibleRows();
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("PFADD vx:hll:dau:") && e.commandText().endsWith(" zelda")
                && e.reply().equals("(true)")), "PFADD row with its reply");
        assertTrue(rows.stream().anyMatch(e -> e.commandText().startsWith("GET vx:hll:dau:") && e.reply().startsWith("<")),
                "the raw value read as bytes");
        assertTrue(robot.lookup(".history-ok").queryAs(Label.class).getText().startsWith("zelda → register"));
    }

    @Test
    void anEmptyNameIsRefusedWithAMessage(FxRobot robot) {
        robot.clickOn("#hll-name").eraseText(20);
        robot.clickOn("#hll-add");
        waitUntil("the message", () -> robot.lookup("Type a user name first.").tryQuery().isPresent());
    }

    private static RegisterGrid grid() {
        return hllView().grid;
    }

    private static HllView hllView() {
        return (HllView) ((javafx.scene.layout.BorderPane) window.tabs().getSelectionModel().getSelectedItem().getContent())
                .getCenter();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }
}
