package dev.valkeyexplainer.concepts.semantic;

import static dev.valkeyexplainer.concept.ConceptPane.caption;

import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.Palette;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The semantic tab's drawing. "Ask" mode: the outcome of the last question (hit or miss, the answer,
 * where it came from, timings), the 2-D map and the distance bars side by side, the vector strip and
 * the session's savings. "Measure" mode: the threshold table and the recall chart.
 */
final class SemanticView extends VBox {

    final Label badge = new Label("–");
    final Label question = new Label("Ask the game's assistant a question.");
    final Label answer = new Label();
    final Label detail = new Label();
    final Label stats = new Label();
    final PointMap map;
    final DistanceBars bars;
    final VectorStrip strip;
    final RecallChart recall;
    final GridPane table = new GridPane();
    final Label tableTitle = new Label();
    final Label measureNote = new Label("Press Measure: the corpus is embedded once and both measurements run in the app.");
    final VBox askPanel;
    final VBox measurePanel;
    private final SemanticModel model;

    SemanticView(ObjectProperty<Palette> palette, SemanticModel model, List<String> groups) {
        this.model = model;
        getStyleClass().add("semantic-view");
        setMinWidth(340); // below this the scroll pane scrolls sideways; wrapped labels would otherwise ask for more
        setSpacing(8);
        map = new PointMap(palette, model, groups);
        bars = new DistanceBars(palette, model);
        strip = new VectorStrip(palette, model);
        recall = new RecallChart(palette, model);

        badge.getStyleClass().add("semantic-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setId("semantic-badge");
        question.getStyleClass().add("step-headline");
        answer.setId("semantic-answer");
        detail.getStyleClass().add("muted");
        stats.getStyleClass().add("muted");
        stats.setId("semantic-stats");
        for (Label l : new Label[]{question, answer, detail, stats, measureNote, tableTitle}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox text = new VBox(3, question, answer, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox outcome = new HBox(10, badge, text);
        outcome.setAlignment(Pos.TOP_LEFT);
        outcome.getStyleClass().add("panel");

        HBox row = new HBox(8, map, bars);
        HBox.setHgrow(map, Priority.ALWAYS);
        HBox.setHgrow(bars, Priority.SOMETIMES);
        VBox.setVgrow(row, Priority.ALWAYS);
        askPanel = new VBox(8, outcome, row, strip, stats);
        VBox.setVgrow(askPanel, Priority.ALWAYS);

        table.getStyleClass().add("semantic-table");
        table.setHgap(14);
        table.setVgap(2);
        tableTitle.getStyleClass().add("panel-title");
        VBox.setVgrow(recall, Priority.ALWAYS);
        measurePanel = new VBox(8, measureNote, ConceptPane.panel("Threshold table, measured",
                tableTitle, table), recall);
        measurePanel.setVisible(false);
        // only the panel on screen counts for the minimum size (the table is wide; the ask view must not inherit it)
        askPanel.managedProperty().bind(askPanel.visibleProperty());
        measurePanel.managedProperty().bind(measurePanel.visibleProperty());
        StackPane modes = new StackPane(askPanel, measurePanel);
        VBox.setVgrow(modes, Priority.ALWAYS);
        getChildren().add(modes);
        model.addListener(this::refresh);
        refresh();
    }

    void showMeasure(boolean measure) {
        askPanel.setVisible(!measure);
        measurePanel.setVisible(measure);
    }

    boolean measuring() {
        return measurePanel.isVisible();
    }

    private void refresh() {
        SemanticCache.Lookup l = model.lookup();
        badge.getStyleClass().removeAll("semantic-hit", "semantic-miss", "semantic-verify");
        if (l == null) {
            badge.setText("–");
            answer.setText("");
            detail.setText(model.modelNote());
        } else {
            SemanticModel.Verdict now = model.currentVerdict();
            badge.setText(l.hit() ? "HIT" : "MISS");
            badge.getStyleClass().add(l.hit() ? "semantic-hit" : "semantic-miss");
            question.setText("“" + l.question().strip() + "”");
            answer.setText(l.answer());
            SemanticStore.Neighbour n = l.nearest();
            String nearest = n == null ? "The cache had no entry to compare." : String.format(Locale.ROOT,
                    "Nearest: “%s”, distance %.3f (similarity %.3f).", PointMap.shorten(n.question(), 60), n.distance(),
                    n.similarity());
            String served = l.hit() ? "Served from " + n.key() + ", no model call."
                    : String.format(Locale.ROOT, "The %s answered in %,d ms (%d tokens); stored.",
                    l.model() != null && cacheModelSimulated(l) ? "stand-in model" : "answer model", l.model().millis(),
                    l.model().tokens());
            String search = l.search().scanned() >= 0 ? String.format(Locale.ROOT,
                    "Lua, %,d compared%s", l.search().compared(), l.search().truncated() ? ", stopped at the cap" : "")
                    : SemanticStore.ENGINE_SEARCH;
            String reclass = (now == SemanticModel.Verdict.SERVE) == l.hit() ? ""
                    : " At the threshold now set, this would be " + (now == SemanticModel.Verdict.SERVE ? "a hit."
                    : now == SemanticModel.Verdict.VERIFY ? "in the verify band." : "a miss.");
            detail.setText(String.format(Locale.ROOT, "%s %s Embedding %.1f ms; search %.1f ms (%s).%s",
                    nearest, served, l.embedMicros() / 1000.0, l.search().micros() / 1000.0, search, reclass));
        }
        SemanticCache.Stats s = model.stats();
        stats.setText(String.format(Locale.ROOT, "This session: %d hit%s, %d miss%s. Hits saved %d model call%s, ≈ %.1f s"
                        + " (mean model time) and ≈ $%.5f (assumed $%.0f / $%.0f per million tokens in / out).",
                s.hits(), s.hits() == 1 ? "" : "s", s.misses(), s.misses() == 1 ? "" : "es", s.hits(), s.hits() == 1 ? "" : "s",
                s.modelMillisSaved() / 1000.0, s.dollarsSaved(), AnswerModel.PRICE_IN_PER_MILLION, AnswerModel.PRICE_OUT_PER_MILLION));
        refreshTable();
    }

    private static boolean cacheModelSimulated(SemanticCache.Lookup l) {
        return !l.servedBy().startsWith("foundation model");
    }

    private void refreshTable() {
        Measurements m = model.measurements();
        table.getChildren().clear();
        if (m == null) return;
        ThresholdTable t = m.table();
        tableTitle.setText(String.format(Locale.ROOT, "%d seeds cached; %d paraphrases + %d unrelated questions asked;"
                        + " exact cosine; corpus embedded in %,d ms. Per 1,000 questions: model calls saved, wrong answers served.", t.cached(),
                t.paraphraseProbes(), t.unrelatedProbes(), m.embedMillis()));
        measureNote.setText(String.format(Locale.ROOT, "Measured in %,d ms on the %d questions of the shipped corpus with the"
                + " local model (all-MiniLM-L6-v2): your data will differ.", m.totalMillis(), m.questions()));
        String[] head = {"similarity ≥", "hits", "right hits", "paraphrases served", "per 1,000 questions"};
        for (int c = 0; c < head.length; c++) {
            Label h = caption(head[c]);
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, c, 0);
        }
        double current = model.settings().threshold();
        ThresholdTable.Row now = t.at(current);
        int r = 1;
        for (ThresholdTable.Row row : t.rows()) {
            String[] cells = {String.format(Locale.ROOT, "%.2f", row.threshold()),
                    String.format(Locale.ROOT, "%.1f %%", 100 * row.hitRatio()),
                    row.hits() == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * row.precision(), row.rightHits(), row.hits()),
                    String.format(Locale.ROOT, "%.1f %%", 100 * row.recall()),
                    // the trade-off the threshold sets: model calls avoided against wrong answers served
                    String.format(Locale.ROOT, "%.0f saved, %.0f wrong", row.callsSaved(), row.wrongServed())};
            for (int c = 0; c < cells.length; c++) {
                Label l = new Label(cells[c]);
                l.setMinWidth(Region.USE_PREF_SIZE);
                if (row == now) l.getStyleClass().add("semantic-current");
                table.add(l, c, r);
            }
            r++;
        }
    }
}
