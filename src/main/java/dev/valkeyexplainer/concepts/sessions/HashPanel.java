package dev.valkeyexplainer.concepts.sessions;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Hash as the server holds it: its fields in the order HGETALL returned them, each value's size,
 * OBJECT ENCODING and MEMORY USAGE, and why the encoding is what it is (the listpack limits as CONFIG
 * GET read them). Rows that changed at the last change are marked.
 */
final class HashPanel extends VBox {

    /** One field of the table. */
    record Row(String field, String value, int bytes) {
    }

    final Label key = new Label();
    final Label stats = new Label();
    final Label why = new Label();
    final TableView<Row> table = new TableView<>();
    private Set<String> changed = Set.of();

    HashPanel() {
        super(4);
        getStyleClass().addAll("panel", "sessions-store");
        Label title = new Label("Hash (HSET, HGETALL)");
        title.getStyleClass().add("panel-title");
        key.getStyleClass().addAll("sessions-key", "may-elide");
        key.setId("sessions-hash-key");
        stats.setId("sessions-hash-stats");
        stats.setWrapText(true);
        why.setId("sessions-hash-why");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        stats.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("sessions-hash-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No Hash yet: New session stores one."));
        table.setMinHeight(110);
        TableColumn<Row, String> field = new TableColumn<>("field");
        field.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().field()));
        field.setPrefWidth(92);
        field.setMinWidth(76);
        TableColumn<Row, String> value = new TableColumn<>("value");
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        value.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.length() < 30 ? null : new Tooltip(v));
            }
        });
        value.setPrefWidth(200);
        TableColumn<Row, String> bytes = new TableColumn<>("B");
        bytes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Integer.toString(c.getValue().bytes())));
        bytes.setPrefWidth(46);
        bytes.setMinWidth(44);
        bytes.setMaxWidth(64);
        table.getColumns().setAll(java.util.List.of(field, bytes, value));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("sessions-changed");
                if (!empty && r != null && changed.contains(r.field())) getStyleClass().add("sessions-changed");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, key, stats, why, table);
    }

    /** FX thread: shows the Hash and why it has its encoding. */
    void show(SessionsModel.HashState h, SessionsModel.Limits limits, Set<String> changedFields) {
        changed = changedFields;
        key.setText(h == null ? "" : h.key());
        key.setTooltip(h == null ? null : new Tooltip(h.key()));
        if (h == null || !h.exists()) {
            table.getItems().clear();
            stats.setText(h == null ? "" : "The key does not exist (HGETALL answered nothing).");
            why.setText("");
            return;
        }
        table.getItems().setAll(h.fields().entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue(), e.getValue().getBytes(StandardCharsets.UTF_8).length)).toList());
        table.refresh();
        stats.setText(String.format(Locale.ROOT, "%s · %d fields · %,d B", h.encoding(), h.fields().size(), h.memory()));
        stats.setTooltip(new Tooltip("OBJECT ENCODING " + h.encoding() + ", HLEN " + h.fields().size() + ", MEMORY USAGE "
                + h.memory() + " bytes (SAMPLES 0: every field counted)"));
        why.setText(reason(h, limits));
    }

    /** Why the server chose this encoding, from the limits CONFIG GET read. */
    static String reason(SessionsModel.HashState h, SessionsModel.Limits limits) {
        if (limits == null || limits.entries() == null || limits.value() == null) {
            return limits == null ? "" : limits.problem();
        }
        Map.Entry<String, String> longest = null;
        int longestBytes = 0;
        for (Map.Entry<String, String> e : h.fields().entrySet()) {
            int b = Math.max(e.getKey().getBytes(StandardCharsets.UTF_8).length, e.getValue().getBytes(StandardCharsets.UTF_8).length);
            if (b > longestBytes) {
                longestBytes = b;
                longest = e;
            }
        }
        if ("listpack".equals(h.encoding())) {
            return String.format(Locale.ROOT, "A listpack: at most %d fields, none over %d bytes (CONFIG GET).", limits.entries(),
                    limits.value());
        }
        if (longest != null && longestBytes > limits.value()) {
            return String.format(Locale.ROOT, "A hashtable: '%s' holds %,d bytes > hash-max-listpack-value %d (CONFIG GET)."
                    + " Serialising the inventory cost the compact listpack.", longest.getKey(), longestBytes, limits.value());
        }
        if (h.fields().size() > limits.entries()) {
            return String.format(Locale.ROOT, "A hashtable: %d fields > hash-max-listpack-entries %d (CONFIG GET).",
                    h.fields().size(), limits.entries());
        }
        return "A hashtable: it passed a listpack limit once, and a Hash never turns back.";
    }
}
