package dev.valkeyexplainer.concepts.cache;

import static dev.valkeyexplainer.concept.ConceptPane.caption;
import static dev.valkeyexplainer.concept.ConceptPane.panel;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.StatCard;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The cache-aside tab's drawing: the lanes, the measured figures, and the panel of the current mode. */
final class CacheView extends VBox {

    enum Mode { LOOKUPS, INVALIDATION, HOT_KEY }

    final CacheLanes lanes;
    final LatencyHistogram histogram;
    final StatCard lookups = new StatCard("Lookups");
    final StatCard ratio = new StatCard("Hit ratio");
    final StatCard hits = new StatCard("Hits (from Valkey)");
    final StatCard misses = new StatCard("Misses (loaded from DB)");
    final StatCard dbRate = new StatCard("Database queries / s");
    final StatCard dbQueue = new StatCard("Database queue");
    final VBox recent = new VBox(2);
    final Label compareTitle = new Label("Look up a player, then update it in the database.");
    final Label cacheSide = new Label("–");
    final Label dbSide = new Label("–");
    final Label verdict = new Label();
    final VBox invalidationLog = new VBox(2);
    final ProgressBar ttlBar = new ProgressBar(0);
    final Label ttlText = new Label("Start the readers.");
    final VBox readerRows = new VBox(2);
    final VBox refreshLog = new VBox(2);
    final Label error = new Label();
    private final StackPane modePanel = new StackPane();
    private final VBox lookupsPanel;
    private final VBox invalidationPanel;
    private final VBox hotPanel;

    CacheView(ObjectProperty<Palette> palette) {
        getStyleClass().add("cache-view");
        setSpacing(10);
        lanes = new CacheLanes(palette);
        histogram = new LatencyHistogram(palette);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        FlowPane cards = new FlowPane(8, 8, lookups, ratio, hits, misses, dbRate, dbQueue);
        cards.setPrefWrapLength(330);
        cards.setMinWidth(330);
        cards.setMaxWidth(340);

        lookupsPanel = panel("Last lookups (measured end to end)", recent);
        for (Label l : new Label[]{cacheSide, dbSide, verdict, compareTitle}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        verdict.getStyleClass().add("verdict");
        cacheSide.getStyleClass().add("mono");
        dbSide.getStyleClass().add("mono");
        invalidationPanel = panel("Cached copy vs database row", compareTitle, caption("In Valkey"), cacheSide,
                caption("In the database"), dbSide, verdict, caption("What happened"), invalidationLog);
        ttlBar.setMaxWidth(Double.MAX_VALUE);
        ttlBar.getStyleClass().add("ttl-bar");
        ttlText.setWrapText(true);
        ttlText.setMinHeight(Region.USE_PREF_SIZE);
        hotPanel = panel("The hot key's TTL, read from the server", ttlBar, ttlText, caption("Readers (each a client)"), readerRows,
                caption("Refreshes"), refreshLog);
        modePanel.getChildren().addAll(lookupsPanel, invalidationPanel, hotPanel);
        HBox.setHgrow(modePanel, Priority.ALWAYS);
        modePanel.setMinWidth(320);
        VBox left = new VBox(8, cards, histogram);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        HBox row = new HBox(10, left, modePanel);
        VBox.setVgrow(row, Priority.ALWAYS);
        VBox.setVgrow(lanes, Priority.SOMETIMES);
        getChildren().addAll(error, lanes, row);
        showMode(Mode.LOOKUPS);
    }

    void showMode(Mode m) {
        lookupsPanel.setVisible(m == Mode.LOOKUPS);
        invalidationPanel.setVisible(m == Mode.INVALIDATION);
        hotPanel.setVisible(m == Mode.HOT_KEY);
    }

    void showStats(LatencyStats.Snapshot s, double dbPerSecond, int queue, long dbReads) {
        long all = s.hits() + s.misses();
        lookups.set(String.format(Locale.ROOT, "%,d", all));
        ratio.set(Double.isNaN(s.hitRatio()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * s.hitRatio()));
        hits.set(String.format(Locale.ROOT, "%,d", s.hits()));
        misses.set(String.format(Locale.ROOT, "%,d", s.misses()));
        dbRate.set(String.format(Locale.ROOT, "%,.1f", dbPerSecond));
        dbQueue.set(String.format(Locale.ROOT, "%d in flight", queue));
        histogram.show(s);
        lanes.captions(String.format(Locale.ROOT, "%,d lookups", all),
                Double.isNaN(s.hitRatio()) ? "in memory" : String.format(Locale.ROOT, "%.0f%% hits · p50 %s", 100 * s.hitRatio(),
                        LatencyHistogram.micros(s.hitP50())),
                String.format(Locale.ROOT, "%,d reads · %,.0f/s", dbReads, dbPerSecond));
    }

    void addRecent(PlayerCache.Lookup l) {
        Label line = new Label(String.format(Locale.ROOT, "player %-5d %-4s %10s   (%s)", l.id(), l.outcome(),
                LatencyHistogram.micros(l.micros()), l.worker()));
        line.getStyleClass().addAll("mono", l.outcome() == PlayerCache.Outcome.HIT ? "hit-text" : "miss-text");
        recent.getChildren().add(0, line);
        if (recent.getChildren().size() > 12) recent.getChildren().remove(12);
    }

    static void log(VBox box, String text, String style) {
        Label line = new Label(text);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.getStyleClass().add(style);
        box.getChildren().add(0, line);
        if (box.getChildren().size() > 6) box.getChildren().remove(6);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
    }

}
