package dev.valkeyexplainer.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.UiApp;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A problem written under a tall form, on a window too short for it (1280 × 800 at 150 % is about
 * 853 × 533 logical pixels): the form scrolls to show it, and does not move for a line already in view.
 */
@ExtendWith(ApplicationExtension.class)
class MessageRevealUiTest {

    private Label problem;
    private Label status;
    private Button top;

    @Start
    void start(Stage stage) {
        problem = new Label(); // nodes are made once the toolkit runs
        status = new Label();
        top = new Button("Do it");
        problem.getStyleClass().add(MessageReveal.STYLE_CLASS);
        problem.setWrapText(true);
        Region filler = new Region();
        filler.setMinHeight(900);
        VBox form = new VBox(8, top, filler, status, problem);
        Region visual = new Region();
        visual.setMinSize(300, 300);
        stage.setScene(new Scene(ConceptPane.layout("test", "Heading", "Lede", visual, form, "Explanation",
                new CodePanel(new SimpleObjectProperty<>(CodeLanguage.JAVA))), 1280, 533));
        stage.sizeToScene(); // the stage may have been sized by an earlier test class
        stage.show();
    }

    private static boolean inViewport(Node n) {
        ScrollPane sp = scrollOf(n);
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds v = sp.localToScene(sp.getLayoutBounds());
        return b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5;
    }

    private static ScrollPane scrollOf(Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane s) return s;
        throw new AssertionError("not in a scroll pane");
    }

    /** Reads on the FX thread (nodes are read there only). */
    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProblemBelowTheFoldIsScrolledIntoViewAndAStatusLineIsNot(FxRobot robot) {
        assertTrue(fx(() -> inViewport(top)), "the button is in view at first");
        assertTrue(fx(() -> !inViewport(problem)), "the problem line starts below the fold");
        double before = fx(() -> scrollOf(status).getVvalue());
        robot.interact(() -> status.setText("A status line below the fold, not a problem: the form stays where the user left it."));
        robot.interact(() -> { });
        assertEquals(before, fx(() -> scrollOf(status).getVvalue()), "a line that is not a problem moves nothing");
        robot.interact(() -> problem.setText("The limit must be a whole number of spells from 1 to 10,000, not \"abc\"."));
        UiApp.waitUntil("the problem is in view", () -> fx(() -> inViewport(problem)));
        double shown = fx(() -> scrollOf(problem).getVvalue());
        assertTrue(shown > 0, "the form scrolled");
        robot.interact(() -> problem.setText("The limit must be a whole number of spells from 1 to 10,000, not \"xyz\"."));
        robot.interact(() -> { });
        assertEquals(shown, fx(() -> scrollOf(problem).getVvalue()), "a line already in view does not move the form");
    }
}
