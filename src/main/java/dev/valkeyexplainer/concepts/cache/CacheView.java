package dev.valkeyexplainer.concepts.cache;

import static dev.valkeyexplainer.concept.ConceptPane.caption;
import static dev.valkeyexplainer.concept.ConceptPane.panel;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.StatCard;
import dev.valkeyexplainer.db.Player;
import java.util.List;
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

/**
 * The cache-aside concept's drawing: the lanes, the measured figures, and the panel of the current
 * part. It draws what it is given: a poll's {@link CacheModel.Reading}, and once per frame what the
 * {@link CacheFeed} collected. Its rows are made once and only change text, so a fast stream costs no
 * new nodes.
 */
final class CacheView extends VBox {

    final CacheLanes lanes;
    private final LatencyHistogram histogram;
    private final StatCard lookups = new StatCard("Lookups");
    private final StatCard ratio = new StatCard("Hit ratio");
    private final StatCard hits = new StatCard("Hits (from Valkey)");
    private final StatCard misses = new StatCard("Misses (loaded from DB)");
    private final StatCard dbRate = new StatCard("Database queries / s");
    private final StatCard dbQueue = new StatCard("Database queue");
    private final Label[] recent = rows(CacheFeed.RECENT, "mono");
    private final Label compareTitle = wrapped("Look up a player, then update it in the database.");
    private final Label cacheSide = wrapped("–");
    private final Label dbSide = wrapped("–");
    private final Label verdict = wrapped("");
    private final Label[] invalidationLog = rows(CacheFeed.LOG_LINES, "log-line");
    private final ProgressBar ttlBar = new ProgressBar(0);
    private final Label ttlText = wrapped("Start the readers.");
    private final Label[] readerRows = rows(CacheFeed.MAX_READERS, "mono");
    private final Label[] refreshLog = rows(CacheFeed.LOG_LINES, "log-line");
    private final Label error = wrapped("");
    private final VBox lookupsPanel;
    private final VBox invalidationPanel;
    private final VBox hotPanel;
    private CacheModel.Reading shown;

    CacheView(ObjectProperty<Palette> palette) {
        getStyleClass().add("cache-view");
        setSpacing(10);
        lanes = new CacheLanes(palette);
        histogram = new LatencyHistogram(palette);
        error.getStyleClass().add("error-text");
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        FlowPane cards = new FlowPane(8, 8, lookups, ratio, hits, misses, dbRate, dbQueue);
        cards.setPrefWrapLength(330);
        cards.setMinWidth(330);
        cards.setMaxWidth(340);

        lookupsPanel = panel("Last lookups (measured end to end)", recent);
        verdict.getStyleClass().add("verdict");
        cacheSide.getStyleClass().add("mono");
        dbSide.getStyleClass().add("mono");
        invalidationPanel = panel("Cached copy vs database row", compareTitle, caption("In Valkey"), cacheSide,
                caption("In the database"), dbSide, verdict, caption("What happened"), new VBox(2, invalidationLog));
        ttlBar.setMaxWidth(Double.MAX_VALUE);
        ttlBar.getStyleClass().add("ttl-bar");
        hotPanel = panel("The hot key's TTL, read from the server", ttlBar, ttlText, caption("Readers (each a client)"),
                new VBox(2, readerRows), caption("Reloads (one per expiry)"), new VBox(2, refreshLog));
        StackPane modePanel = new StackPane(lookupsPanel, invalidationPanel, hotPanel);
        HBox.setHgrow(modePanel, Priority.ALWAYS);
        modePanel.setMinWidth(320);
        VBox left = new VBox(8, cards, histogram);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        HBox row = new HBox(10, left, modePanel);
        VBox.setVgrow(row, Priority.ALWAYS);
        VBox.setVgrow(lanes, Priority.SOMETIMES);
        getChildren().addAll(error, lanes, row);
        showMode(CacheMode.LOOKUPS);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text gets its height, never an ellipsis
        return l;
    }

    /** {@code n} rows made once; empty rows take no room. */
    private static Label[] rows(int n, String style) {
        Label[] out = new Label[n];
        for (int i = 0; i < n; i++) {
            out[i] = wrapped("");
            out[i].getStyleClass().add(style);
            out[i].managedProperty().bind(out[i].visibleProperty());
            out[i].setVisible(false);
        }
        return out;
    }

    private static void set(Label l, String text, String tone) {
        l.setText(text);
        l.setVisible(!text.isEmpty());
        l.getStyleClass().removeAll("hit-text", "miss-text", "refresh-text", "muted");
        if (tone != null) l.getStyleClass().add(tone);
    }

    void showMode(CacheMode m) {
        lookupsPanel.setVisible(m == CacheMode.LOOKUPS);
        invalidationPanel.setVisible(m == CacheMode.INVALIDATION);
        hotPanel.setVisible(m == CacheMode.HOT_KEY);
    }

    /** Once per frame: what happened since the last one (null: nothing). */
    void apply(CacheFeed.Frame f) {
        if (f == null) return;
        for (int i = 0; i < recent.length; i++) {
            PlayerCache.Lookup l = i < f.recent().size() ? f.recent().get(i) : null;
            set(recent[i], l == null ? "" : String.format(Locale.ROOT, "player %-5d %-4s %10s   (%s)", l.id(), l.outcome(),
                    LatencyStats.micros(l.micros()), l.worker()), l == null ? null
                    : l.outcome() == PlayerCache.Outcome.HIT ? "hit-text" : "miss-text");
        }
        log(invalidationLog, f.invalidations());
        log(refreshLog, f.refreshes());
        for (int i = 0; i < readerRows.length; i++) {
            boolean used = i < f.readers().size();
            HotKeyReaders.Read r = used ? f.readers().get(i) : null;
            set(readerRows[i], !used ? "" : r == null ? "reader-" + (i + 1) + ": waiting" : readerLine(r),
                    r != null && r.refreshed() ? "refresh-text" : null);
        }
        for (List<LaneHop> t : f.tokens()) lanes.send(t);
    }

    static String readerLine(HotKeyReaders.Read r) {
        String seen = r.missing() ? "gone" : r.ttlSeen() + " s";
        return String.format(Locale.ROOT, "reader-%d: MULTI GET+TTL → TTL %s%s", r.reader(), seen, switch (r.outcome()) {
            case FRESH -> "";
            case REFRESHED -> "  → took the lock, reloaded";
            case LOCK_TAKEN -> "  → lock taken: serves the cached value";
            case ALREADY_FRESH -> "  → took the lock, already reloaded";
        });
    }

    private static void log(Label[] rows, List<CacheFeed.LogLine> lines) {
        for (int i = 0; i < rows.length; i++) {
            CacheFeed.LogLine l = i < lines.size() ? lines.get(i) : null;
            set(rows[i], l == null ? "" : l.text(), l == null ? null : l.good() ? "hit-text" : "miss-text");
        }
    }

    /** A poll's reading. */
    void show(CacheModel.Reading r) {
        shown = r;
        LatencyStats.Snapshot s = r.stats();
        long all = s.hits() + s.misses();
        lookups.set(String.format(Locale.ROOT, "%,d", all));
        ratio.set(Double.isNaN(s.hitRatio()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * s.hitRatio()));
        hits.set(String.format(Locale.ROOT, "%,d", s.hits()));
        misses.set(String.format(Locale.ROOT, "%,d", s.misses()));
        dbRate.set(String.format(Locale.ROOT, "%,.1f", r.dbPerSecond()));
        dbQueue.set(String.format(Locale.ROOT, "%d in flight", r.queue()));
        histogram.show(s);
        lanes.captions(String.format(Locale.ROOT, "%,d lookups", all),
                Double.isNaN(s.hitRatio()) ? "in memory" : String.format(Locale.ROOT, "%.0f%% hits · p50 %s", 100 * s.hitRatio(),
                        LatencyStats.micros(s.hitP50())),
                r.dbReady() ? String.format(Locale.ROOT, "%,d reads · %,.0f/s", r.dbReads(), r.dbPerSecond()) : "starting…");
        if (r.watchedId() != null && r.row() != null) showComparison(r);
        if (r.hotTtl() >= 0 && r.hot() != null) showHot(r);
    }

    private void showComparison(CacheModel.Reading r) {
        Player row = r.row();
        compareTitle.setText("Player " + r.watchedId() + " (" + row.name() + ")");
        dbSide.setText(String.format(Locale.ROOT, "gold %,d · level %d · updated %tT", row.gold(), row.level(),
                java.util.Date.from(row.updatedAt())));
        if (r.cached() == null) {
            cacheSide.setText("(not cached: GET returns nil)");
            verdict.setText("Not cached: the next lookup misses and loads the fresh row.");
            verdict.getStyleClass().setAll("label", "verdict", "muted");
            return;
        }
        long gold = Player.goldOf(r.cached());
        cacheSide.setText(String.format(Locale.ROOT, "gold %,d · level %d · TTL %d s", gold, Player.levelOf(r.cached()),
                r.cachedTtl()));
        boolean fresh = gold == row.gold() && Player.levelOf(r.cached()) == row.level();
        verdict.setText(fresh ? "FRESH: the cached copy matches the database."
                : String.format(Locale.ROOT, "STALE: readers get gold %,d until the TTL ends in %d s.", gold, r.cachedTtl()));
        verdict.getStyleClass().setAll("label", "verdict", fresh ? "hit-text" : "miss-text");
    }

    private void showHot(CacheModel.Reading r) {
        HotKeyReaders.Counts c = r.hot();
        ttlBar.setProgress((double) r.hotTtl() / r.hotTtlSetting());
        ttlText.setText(String.format(Locale.ROOT, "TTL %d s of %d. A reader that sees under %d s takes the refresh lock"
                        + " and reloads. Reads %,d · under the threshold %,d times: %,d reload%s, %,d found the lock taken,"
                        + " %,d found it already reloaded · the key was found gone %,d times.", r.hotTtl(), r.hotTtlSetting(),
                r.hotThreshold(), c.reads(), c.underThreshold(), c.refreshes(), c.refreshes() == 1 ? "" : "s", c.lockTaken(),
                c.alreadyFresh(), c.missing()));
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
    }

    /** The reading on screen, or null before the first. */
    CacheModel.Reading shown() {
        return shown;
    }

    String verdictText() {
        return verdict.getText();
    }

    String hotText() {
        return ttlText.getText();
    }
}
