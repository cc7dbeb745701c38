package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.Sparkline;
import dev.valkeyexplainer.concept.widgets.StatCard;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Draws a {@link ServerSnapshot}: stat cards, two sparklines, and the talk's cache-in-front picture. */
final class ServerView extends VBox {

    private final StatCard version = new StatCard("Valkey version");
    private final StatCard mode = new StatCard("Mode");
    private final StatCard uptime = new StatCard("Uptime");
    private final StatCard clients = new StatCard("Connected clients");
    private final StatCard nsKeys = new StatCard("Keys in namespace");
    private final StatCard dbKeys = new StatCard("Keys in db0 (all)");
    private final StatCard memory = new StatCard("Memory used");
    private final StatCard hitRatio = new StatCard("Keyspace hit ratio");
    private final Sparkline ops;
    private final Sparkline mem;
    private final Label error = new Label();
    private final Label latency = new Label();

    ServerView(ObjectProperty<Palette> palette) {
        getStyleClass().add("server-view");
        setSpacing(12);
        ops = new Sparkline("Commands per second (incl. this app's polling)", 120,
                v -> String.format(Locale.ROOT, "%,.0f/s", v), palette);
        mem = new Sparkline("Memory used (used_memory)", 120, v -> bytes((long) v), palette);
        FlowPane cards = new FlowPane(10, 10, version, mode, uptime, clients, nsKeys, dbKeys, memory, hitRatio);
        cards.getStyleClass().add("stat-cards");
        HBox charts = new HBox(12, ops, mem);
        HBox.setHgrow(ops, Priority.ALWAYS);
        HBox.setHgrow(mem, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        charts.setMinHeight(150);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(error, cards, charts, framing());
    }

    /** The talk's opening picture: game servers read through Valkey, and go to the database only on a miss. */
    private VBox framing() {
        Label app = box("Game servers", "the app (EC2 in the talk)");
        Label valkey = box("Valkey", "in memory");
        valkey.getStyleClass().add("tier-valkey");
        Label db = box("Relational database", "on disk (RDS in the talk)");
        db.getStyleClass().add("tier-db");
        latency.getStyleClass().add("arrow-label");
        Label arrow2 = new Label("miss →\nmilliseconds:\ndisk + network");
        arrow2.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        latency.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        arrow2.getStyleClass().add("arrow-label");
        HBox row = new HBox(10, app, latency, valkey, arrow2, db);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Label tier : new Label[]{app, valkey, db}) {
            HBox.setHgrow(tier, Priority.ALWAYS); // the three boxes share the width and wrap, never "…"
            tier.setMaxWidth(Double.MAX_VALUE);
        }
        Label caption = new Label("Why a cache in front of the database: reads come from memory in microseconds (the round"
                + " trip above is measured on this connection), the database sees only the misses, and can be scaled down.");
        caption.setWrapText(true);
        caption.getStyleClass().add("muted");
        VBox box = new VBox(6, row, caption);
        box.getStyleClass().addAll("panel", "framing");
        return box;
    }

    private static Label box(String title, String sub) {
        Label l = new Label(title + "\n" + sub);
        l.getStyleClass().add("tier");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    void show(ServerSnapshot s, ConnectionStatus status, String prefix) {
        error.setVisible(false);
        version.set(s.version());
        mode.set(status.mode().isEmpty() ? "standalone" : status.mode());
        // On a cluster, INFO answers per node; the cards show one node, the namespace count covers every primary.
        dbKeys.setCaption("cluster".equals(status.mode()) ? "Keys in db0 (one node)" : "Keys in db0 (all)");
        memory.setCaption("cluster".equals(status.mode()) ? "Memory used (one node)" : "Memory used");
        uptime.set(duration(s.uptimeSeconds()));
        clients.set(String.format(Locale.ROOT, "%,d", s.clients()));
        nsKeys.set(s.nsKeys() < 0 ? "counting…" : String.format(Locale.ROOT, "%,d%s under %s", s.nsKeys(),
                s.nsKeys() >= 100_000 ? "+" : "", prefix));
        dbKeys.set(String.format(Locale.ROOT, "%,d", s.dbKeys()));
        memory.set(bytes(s.usedMemory()) + (s.maxMemory() > 0 ? " of " + bytes(s.maxMemory()) : ""));
        hitRatio.set(Double.isNaN(s.hitRatio()) ? "no lookups yet"
                : String.format(Locale.ROOT, "%.1f%% (%,d / %,d)", 100 * s.hitRatio(), s.hits(), s.hits() + s.misses()));
        ops.add(s.opsPerSec());
        mem.add(s.usedMemory());
        latency.setText(status.latencyMicros() < 0 ? "hit →\n(no reading)"
                : String.format(Locale.ROOT, "hit →\n%,d µs\nround trip", status.latencyMicros()));
    }

    void showError(String message) {
        error.setText("Could not read the server: " + message + " (the tab keeps trying)");
        error.setVisible(true);
    }

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        if (b < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GB", b / (1024.0 * 1024 * 1024));
    }

    static String duration(long s) {
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        if (s < 86_400) return (s / 3600) + " h " + (s % 3600) / 60 + " min";
        return (s / 86_400) + " d " + (s % 86_400) / 3600 + " h";
    }
}
