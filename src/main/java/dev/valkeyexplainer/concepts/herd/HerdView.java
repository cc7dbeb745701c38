package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.Palette;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The thundering-herd concept's drawing: the race's timeline, the result, the database's queue, the
 * lock's live TTL (read from the server while a race runs) and the last races. New events are added
 * once per frame, so a 64-worker race costs one redraw a frame, not one per command.
 */
final class HerdView extends VBox {

    final HerdTimeline timeline;
    private final Label result = wrapped("Run the race, or step through it one command at a time.");
    private final Label dbQueue = new Label();
    private final ProgressBar lockBar = new ProgressBar(0);
    private final Label lockText = wrapped("The lock: free.");
    private final Label[] history = new Label[HerdModel.HISTORY];

    HerdView(ObjectProperty<Palette> palette) {
        timeline = new HerdTimeline(palette);
        result.getStyleClass().add("step-headline");
        dbQueue.getStyleClass().add("muted");
        lockBar.getStyleClass().add("lock-bar");
        lockBar.setPrefWidth(160);
        lockBar.setMinWidth(100);
        lockText.getStyleClass().add("muted");
        HBox.setHgrow(lockText, Priority.ALWAYS);
        HBox lock = new HBox(8, lockBar, lockText);
        lock.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label historyTitle = new Label("Database loads per expiry, race by race");
        historyTitle.getStyleClass().add("stat-caption");
        VBox rows = new VBox(2);
        for (int i = 0; i < history.length; i++) {
            history[i] = new Label();
            history[i].getStyleClass().add("history-row");
            history[i].managedProperty().bind(history[i].visibleProperty());
            history[i].setVisible(false);
            rows.getChildren().add(history[i]);
        }
        VBox below = new VBox(6, result, lock, dbQueue, historyTitle, rows);
        below.setPadding(new Insets(8, 0, 0, 0));
        getChildren().addAll(timeline, below);
        VBox.setVgrow(timeline, Priority.ALWAYS);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Once per frame: the events since the last frame, and the database's queue while a race runs. */
    void frame(List<HerdRace.Event> events, boolean running, int queue) {
        timeline.addAll(events);
        if (running || !events.isEmpty()) {
            dbQueue.setText(String.format(Locale.ROOT, "Database: %d load%s in flight right now", queue, queue == 1 ? "" : "s"));
        }
    }

    void started(HerdRace.Config c, boolean stepped) {
        timeline.reset(c.workers(), stepped);
        result.setText(stepped ? "Step through: each step lets one waiting worker send its next command."
                : String.format(Locale.ROOT, "%d workers racing%s…", c.workers(), c.useLock() ? " with the lock" : ""));
        lock(null);
    }

    void failed(String message) {
        result.setText(message);
    }

    void finished(HerdRace.Result r, List<HerdModel.Finished> races) {
        HerdRace.Config c = r.config();
        String same = r.allSame() ? String.format(Locale.ROOT, "All %d workers returned the same row ✓", c.workers())
                : "The workers returned different values ✗";
        result.setText(String.format(Locale.ROOT, "%d database load%s for one expiry %s. %s.%s", r.dbLoads(),
                r.dbLoads() == 1 ? "" : "s", c.useLock() ? "with the lock" : "without the lock", same,
                r.notOwnerReleases() > 0 ? String.format(Locale.ROOT, " %d release%s found the lock no longer its own and"
                        + " left it alone.", r.notOwnerReleases(), r.notOwnerReleases() == 1 ? "" : "s") : ""));
        for (int i = 0; i < history.length; i++) {
            HerdModel.Finished f = i < races.size() ? races.get(i) : null;
            history[i].setVisible(f != null);
            if (f == null) continue;
            HerdRace.Result h = f.result();
            HerdRace.Config hc = h.config();
            history[i].setText(String.format(Locale.ROOT, "#%d  %2d workers  %-9s  %2d DB load%s  lock TTL %s  %,.1f ms", f.number(),
                    hc.workers(), hc.useLock() ? "with lock" : "no lock", h.dbLoads(), h.dbLoads() == 1 ? " " : "s",
                    ttl(hc.lockTtlMs()), h.durationMicros() / 1000.0));
            history[i].getStyleClass().setAll("label", "history-row", hc.useLock() && h.dbLoads() == 1 ? "history-ok" : "history-bad");
        }
    }

    private static String ttl(long ms) {
        return ms >= 60_000 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The lock as the server has it (null: no race, or a race without the lock). */
    void lock(HerdModel.LockState s) {
        if (s == null) {
            lockBar.setProgress(0);
            lockText.setText("The lock: no race with the lock is running.");
            return;
        }
        if (s.owner() == null || s.pttlMs() < 0) {
            lockBar.setProgress(0);
            lockText.setText(String.format(Locale.ROOT, "The lock: free (GET returns nil). Its TTL when taken: %s%s.", ttl(s.ttlMs()),
                    s.stepped() && s.ttlMs() >= 60_000 ? ", long in step mode so pauses cannot let it expire" : ""));
            return;
        }
        lockBar.setProgress(Math.min(1, s.pttlMs() / (double) s.ttlMs()));
        lockText.setText(String.format(Locale.ROOT, "The lock: held by %s, expires in %s (PTTL %,d ms of %s).",
                s.owner().replaceAll(":.*", ""), s.pttlMs() >= 10_000 ? (s.pttlMs() / 1000) + " s"
                        : String.format(Locale.ROOT, "%.1f s", s.pttlMs() / 1000.0), s.pttlMs(), ttl(s.ttlMs())));
    }

    String resultText() {
        return result.getText();
    }

    String lockText() {
        return lockText.getText();
    }
}
