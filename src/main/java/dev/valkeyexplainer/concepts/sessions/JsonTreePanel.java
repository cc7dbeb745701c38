package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The JSON document as the server holds it, as a tree (each node knows its JSON pointer), with the
 * nodes the last path matched highlighted and the nodes that changed at the last change marked (the
 * tree scrolls to the first of them).
 */
final class JsonTreePanel extends VBox {

    /** One node of the tree: its pointer, how it is labelled, and its value as JSON (containers summarised). */
    record Node(String pointer, String label, String value) {
        @Override
        public String toString() {
            return label + ": " + value;
        }
    }

    final Label key = new Label();
    final Label stats = new Label();
    final TreeView<Node> tree = new TreeView<>();
    private Set<String> matches = Set.of();
    private Set<String> changed = Set.of();
    private JsonNode shown;

    JsonTreePanel() {
        super(4);
        getStyleClass().addAll("panel", "sessions-store");
        Label title = new Label("JSON document (JSON.SET, JSON.GET)");
        title.getStyleClass().add("panel-title");
        key.getStyleClass().addAll("sessions-key", "may-elide");
        key.setId("sessions-json-key");
        stats.setId("sessions-json-stats");
        stats.setWrapText(true);
        stats.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tree.setId("sessions-json-tree");
        tree.setMinHeight(150);
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Node n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll("sessions-match", "sessions-changed");
                if (empty || n == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(n.toString());
                setTooltip(new Tooltip(n.pointer().isEmpty() ? "the document (pointer \"\")" : n.pointer()));
                if (matches.contains(n.pointer())) getStyleClass().add("sessions-match");
                else if (changed.contains(n.pointer())) getStyleClass().add("sessions-changed");
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(title, key, stats, tree);
    }

    /** FX thread: shows the document (rebuilding the tree only when it changed) and the marks. */
    void show(SessionsModel.JsonState j, String engine, Set<String> changedPointers, SessionsModel.Query q) {
        changed = changedPointers;
        matches = q != null && q.agrees() ? Set.copyOf(q.matches()) : Set.of();
        key.setText(j == null ? "" : j.key());
        key.setTooltip(j == null ? null : new Tooltip(j.key()));
        if (j == null || !j.exists()) {
            tree.setRoot(null);
            shown = null;
            stats.setText(j == null ? "" : "The key does not exist (JSON.GET answered nothing).");
        } else {
            stats.setText(stats(j, engine));
            stats.setTooltip(new Tooltip(j.moduleMemory() >= 0 ? "MEMORY USAGE of the key; JSON.DEBUG MEMORY: the parsed tree"
                    + " valkey-json keeps" : "MEMORY USAGE of the key: the Lua stand-in keeps the document as a string of JSON text"));
            if (shown == null || !shown.equals(j.doc())) {
                shown = j.doc();
                tree.setRoot(j.doc() == null ? null : item("", "$", j.doc()));
            }
        }
        tree.refresh();
        reveal(matches.isEmpty() ? changedPointers : matches);
    }

    /** Scrolls the tree so that the first of these nodes (a match, or else a changed node) is in view. */
    private void reveal(Set<String> pointers) {
        if (pointers.isEmpty() || tree.getRoot() == null) return;
        int row = firstRow(tree.getRoot(), pointers, new int[]{0});
        if (row >= 0) tree.scrollTo(Math.max(0, row - 2));
    }

    private static int firstRow(TreeItem<Node> it, Set<String> pointers, int[] counter) {
        int here = counter[0]++;
        if (pointers.contains(it.getValue().pointer())) return here;
        for (TreeItem<Node> c : it.getChildren()) {
            int r = firstRow(c, pointers, counter);
            if (r >= 0) return r;
        }
        return -1;
    }

    private static String stats(SessionsModel.JsonState j, String engine) {
        String size = String.format(Locale.ROOT, "%,d B of JSON text · %,d B", JsonValues.utf8Length(j.text()), j.memory());
        if (j.moduleMemory() >= 0) return size + String.format(Locale.ROOT, " · JSON.DEBUG MEMORY %,d B", j.moduleMemory());
        return size + " (a string)";
    }

    private static TreeItem<Node> item(String pointer, String label, JsonNode v) {
        TreeItem<Node> it = new TreeItem<>(new Node(pointer, label, summary(v)));
        it.setExpanded(true);
        if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                it.getChildren().add(item(pointer + "/" + JsonValues.escape(e.getKey()), e.getKey(), e.getValue()));
            }
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) it.getChildren().add(item(pointer + "/" + i, "[" + i + "]", v.get(i)));
        }
        return it;
    }

    static String summary(JsonNode v) {
        if (v.isObject()) return "{" + v.size() + (v.size() == 1 ? " member}" : " members}");
        if (v.isArray()) return "[" + v.size() + (v.size() == 1 ? " item]" : " items]");
        return JsonValues.write(v);
    }

    /** The pointers of the rows now in the tree, in order (tests compare them with the matches). */
    List<String> highlighted() {
        java.util.List<String> out = new java.util.ArrayList<>();
        collect(tree.getRoot(), out);
        return out;
    }

    private void collect(TreeItem<Node> it, List<String> out) {
        if (it == null) return;
        if (matches.contains(it.getValue().pointer())) out.add(it.getValue().pointer());
        for (TreeItem<Node> c : it.getChildren()) collect(c, out);
    }
}
