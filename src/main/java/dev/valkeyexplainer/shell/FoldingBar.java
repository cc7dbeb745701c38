package dev.valkeyexplainer.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;

/**
 * A bar that never lets its items be cut: when they do not fit, the least needed ones step aside
 * (in the order given), and an optional "⋯" menu that offers their actions appears. Used by the tool
 * bar and the journal's bar, so a projector at 150 % or 200 % still shows whole buttons.
 */
public class FoldingBar extends HBox {

    private final List<List<Node>> foldOrder = new ArrayList<>();
    private MenuButton overflow;

    /**
     * The groups that step aside first come first. The controls of the bar keep their whole width
     * (they fold instead of being cut); an item whose minimum width is set to 0 (a notice, a spacer)
     * shrinks first.
     */
    public void setFoldOrder(List<List<Node>> order, MenuButton overflowMenu) {
        foldOrder.clear();
        foldOrder.addAll(order);
        overflow = overflowMenu;
        for (Node c : getChildren()) {
            if (c instanceof javafx.scene.control.Control ctl && ctl.getMinWidth() != 0) {
                ctl.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        for (List<Node> g : order) for (Node n : g) n.managedProperty().bind(n.visibleProperty());
        if (overflow != null) overflow.managedProperty().bind(overflow.visibleProperty());
        requestLayout();
    }

    /** It folds instead of growing: its minimum is what is left when everything foldable stepped aside. */
    @Override
    protected double computeMinWidth(double height) {
        if (foldOrder.isEmpty()) return super.computeMinWidth(height);
        List<Node> all = new ArrayList<>();
        foldOrder.forEach(all::addAll);
        return widthWith(all, true);
    }

    @Override
    protected void layoutChildren() {
        fit(getWidth());
        super.layoutChildren();
    }

    /** Decides what is shown for this width, changing only what differs (no layout loop). */
    private void fit(double width) {
        if (width <= 0 || foldOrder.isEmpty()) return;
        List<Node> folded = new ArrayList<>();
        double needed = widthWith(folded, false);
        for (List<Node> group : foldOrder) {
            if (needed <= width) break;
            folded.addAll(group);
            needed = widthWith(folded, true);
        }
        for (List<Node> g : foldOrder) for (Node n : g) {
            boolean show = !folded.contains(n);
            if (n.isVisible() != show) n.setVisible(show);
        }
        boolean menu = overflow != null && !folded.isEmpty();
        if (overflow != null && overflow.isVisible() != menu) overflow.setVisible(menu);
    }

    /** The bar's preferred width with these children left out (and the menu shown when asked). */
    private double widthWith(List<Node> left, boolean withMenu) {
        double w = snappedLeftInset() + snappedRightInset();
        int n = 0;
        for (Node c : getChildren()) {
            if (left.contains(c) || (c == overflow && !withMenu)) continue;
            boolean foldable = c == overflow || foldOrder.stream().anyMatch(g -> g.contains(c));
            if (!foldable && !c.isManaged()) continue;
            // an item that may shrink (a notice, a spacer) counts with its minimum: a long notice must not push
            // the buttons into the menu
            boolean shrinks = !foldable && c instanceof javafx.scene.layout.Region r && r.getMinWidth() == 0;
            w += shrinks ? 0 : c.prefWidth(-1);
            n++;
        }
        return w + Math.max(0, n - 1) * getSpacing();
    }
}
