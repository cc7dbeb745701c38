package dev.valkeyexplainer.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.app.ConceptRegistry;
import dev.valkeyexplainer.testutil.UiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every concept fits the sizes and scales a presenter uses: at 1280 × 800 and 1920 × 1080, at 100 %,
 * 150 % and 200 %, no control or label of the window (tool bar, concept, status bar) lies outside the
 * window where no scroll pane can bring it into view, and no label is cut with "…" (except those
 * marked {@code may-elide}, which carry their whole text in a tooltip).
 */
class LayoutUiTest extends UiTestBase {

    private Stage stage;

    @Override
    protected String[] options() {
        return new String[0];
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        openWindow(stage);
    }

    static Stream<Arguments> layouts() {
        List<Arguments> out = new ArrayList<>();
        for (String id : ConceptRegistry.standard().ids()) {
            for (int[] size : new int[][]{{1280, 800}, {1920, 1080}}) {
                for (double scale : new double[]{1.0, 1.5, 2.0}) out.add(Arguments.of(id, size[0], size[1], scale));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {1}x{2}, {3}x")
    @MethodSource("layouts")
    void everythingIsOnScreenOrReachableAndNoLabelIsCut(String id, int width, int height, double scale) throws Exception {
        onFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            window.scaledPane().setScale(scale);
            window.select(id);
            return null;
        });
        // two pulses: the concept's layout switch (wide / one column) happens in a layout pass
        for (int i = 0; i < 3; i++) WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = onFx(() -> {
            List<String> found = new ArrayList<>();
            Bounds win = window.root().localToScene(window.root().getLayoutBounds());
            check(window.root(), win, found);
            return found;
        });
        assertTrue(problems.isEmpty(), String.format(Locale.ROOT, "%s at %dx%d, %.1fx:%n  %s", id, width, height, scale,
                String.join("\n  ", problems.subList(0, Math.min(problems.size(), 15)))));
    }

    private static void check(Node node, Bounds win, List<String> found) {
        if (!node.isVisible() || (node.getParent() != null && !node.isManaged())) return;
        if (node.getStyleClass().contains("table-view") || node.getStyleClass().contains("tree-view")
                || node.getStyleClass().contains("list-view") || node.getStyleClass().contains("search-overlay")
                || node.getStyleClass().contains("help-overlay")) {
            return; // rows built from data scroll inside their own control; overlays are hidden
        }
        if (node instanceof Control || node instanceof Labeled) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0 && !inside(b, win) && !reachable(node, b, win)) {
                found.add(describe(node) + " lies outside the window at " + fmt(b) + " and no scroll pane reaches it");
            }
            if (node instanceof Labeled l && !l.isWrapText() && l.getText() != null && !l.getText().isEmpty()
                    && !node.getStyleClass().contains("may-elide")) {
                Text shown = (Text) l.lookup(".text");
                if (shown != null && !shown.getText().equals(l.getText()) && shown.getText().contains(l.getEllipsisString())) {
                    found.add(describe(node) + " is cut: shows '" + shown.getText() + "'");
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) check(child, win, found);
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null) check(sp.getContent(), win, found);
    }

    private static boolean inside(Bounds b, Bounds win) {
        return b.getMinX() >= win.getMinX() - 1 && b.getMinY() >= win.getMinY() - 1
                && b.getMaxX() <= win.getMaxX() + 1 && b.getMaxY() <= win.getMaxY() + 1;
    }

    /**
     * Out of the window, but a scroll pane can bring it into view: its nearest scroll pane scrolls in
     * every direction it sticks out of the viewport, and that viewport is itself in the window or
     * reachable the same way (a text area inside a scrolling side column).
     */
    private static boolean reachable(Node node, Bounds b, Bounds win) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Bounds view = sp.localToScene(sp.getLayoutBounds());
                boolean outX = b.getMinX() < view.getMinX() - 1 || b.getMaxX() > view.getMaxX() + 1;
                boolean outY = b.getMinY() < view.getMinY() - 1 || b.getMaxY() > view.getMaxY() + 1;
                // fit-to-width content still scrolls when its minimum width exceeds the viewport
                boolean canX = sp.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
                boolean canY = sp.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
                if ((outX && !canX) || (outY && !canY)) return false;
                return inside(view, win) || reachable(sp, view, win);
            }
        }
        return false;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
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
}
