package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.Palette;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The tab's picture: what just happened (headline), the tracking status, the pool diagram, the local
 * cache as a live table (key, value, age, which connection fetched it), the latency histogram, and the
 * counters. It only draws; the concept feeds it.
 */
final class CscView extends VBox {

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    private static final PseudoClass GONE = PseudoClass.getPseudoClass("gone");

    /** How a table line looks: a value, a fetch in progress, a held reply, or a recent outcome no longer cached. */
    enum Style { CACHED, FETCHING, HELD, GONE }

    /** One line of the table (keys shortened, ages formatted). */
    record Line(String key, String value, String age, String via, String state, Style style) {
    }

    final Label headline = new Label("Read a key: the first read is a GET on a data connection, the next is a local hit.");
    final Label status = new Label("Opening the pool…");
    final PoolDiagram diagram;
    final LatencyChart chart;
    final TableView<Line> table = new TableView<>();
    private final HBox bottom = new HBox(8);

    CscView(ObjectProperty<Palette> palette) {
        getStyleClass().add("csc-visual");
        setSpacing(6);
        headline.getStyleClass().add("step-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.setId("csc-headline");
        status.getStyleClass().add("csc-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("csc-status");
        diagram = new PoolDiagram(palette);
        diagram.setId("csc-pool");
        chart = new LatencyChart(palette);
        chart.setId("csc-latency");
        buildTable();
        VBox tableBox = new VBox(2, ConceptPane.caption("The local cache, live (Caffeine; newest first)"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(tableBox, Priority.ALWAYS);
        tableBox.setMinWidth(200);
        tableBox.setPrefWidth(370);
        HBox.setHgrow(chart, Priority.SOMETIMES);
        bottom.setMinHeight(120);
        bottom.setPrefHeight(200);
        bottom.getChildren().addAll(tableBox, chart);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.SOMETIMES);
        getChildren().addAll(headline, status, diagram, bottom);
    }

    private void buildTable() {
        table.setId("csc-table");
        table.getStyleClass().add("csc-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Empty: nothing read yet, or just invalidated."));
        table.setMinHeight(70);
        table.setFocusTraversable(false); // a display: focusing it would scroll the view away from the diagram
        table.getColumns().add(column("Key", 68, Line::key));
        table.getColumns().add(column("Value", 70, Line::value));
        table.getColumns().add(column("Age", 56, Line::age));
        table.getColumns().add(column("Via", 50, Line::via));
        table.getColumns().add(column("State", 62, Line::state));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Line r, boolean empty) {
                super.updateItem(r, empty);
                Style st = empty || r == null ? null : r.style();
                pseudoClassStateChanged(PENDING, st == Style.FETCHING);
                pseudoClassStateChanged(HELD, st == Style.HELD);
                pseudoClassStateChanged(GONE, st == Style.GONE);
            }
        });
    }

    private static TableColumn<Line, String> column(String title, double width, java.util.function.Function<Line, String> text) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.getStyleClass().add("mono");
        return c;
    }

    static String age(long ms) {
        if (ms < 1_000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%d min", ms / 60_000);
    }

    void showLines(List<Line> lines) {
        table.getItems().setAll(lines);
    }

    void showHeadline(String text, boolean bad) {
        headline.setText(text);
        headline.getStyleClass().removeAll("csc-bad");
        if (bad) headline.getStyleClass().add("csc-bad");
    }

    void showStatus(String text, boolean problem) {
        if (!problem) lastGoodStatus = text;
        status.setText(text);
        status.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), problem);
    }

    private String lastGoodStatus = "";

    /** Shows the last status that was not a problem again (after a problem went away). */
    void restoreStatus() {
        showStatus(lastGoodStatus, false);
    }
}
