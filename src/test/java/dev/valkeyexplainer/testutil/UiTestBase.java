package dev.valkeyexplainer.testutil;

import dev.valkeyexplainer.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A UI test class over the real app: one sandbox server and app services for the class, a fresh
 * window per test. Subclasses name the command-line options, e.g. {@code --tab hll}, and open the
 * window from their {@code @Start} method.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiTestBase {

    protected UiApp app;
    protected MainWindow window;

    protected abstract String[] options();

    @BeforeAll
    void startApp() throws Exception {
        app = new UiApp(options());
    }

    @AfterAll
    void stopApp() {
        if (app != null) app.close();
    }

    /** The code panel of the concept on screen (only the active concept's view is in the scene). */
    protected dev.valkeyexplainer.concept.CodePanel codePanel(org.testfx.api.FxRobot robot) {
        return robot.lookup(".code-panel").queryAs(dev.valkeyexplainer.concept.CodePanel.class);
    }

    /** The journal rows on screen, after every row that has arrived was moved in (the pane batches them). */
    protected java.util.List<dev.valkeyexplainer.valkey.JournalEntry> journalRows(org.testfx.api.FxRobot robot) {
        robot.interact(() -> window.journal().drainNow());
        return window.journal().visibleRows();
    }

    /** Call from the subclass's {@code @Start} method (TestFX looks for it on the test class itself). */
    protected void openWindow(Stage stage) {
        app.start(stage);
        window = app.window;
    }
}
