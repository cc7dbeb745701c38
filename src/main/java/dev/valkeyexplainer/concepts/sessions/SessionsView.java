package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.Palette;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The tab's visual: the session's id and the JSON engine on top, then three views: the Hash and the
 * document side by side (live), the memory chart, and the server-versus-client comparison. It follows
 * the model; it sends nothing.
 */
final class SessionsView extends VBox {

    final Label session = new Label();
    final Label engine = new Label();
    final HashPanel hash = new HashPanel();
    final JsonTreePanel json = new JsonTreePanel();
    final QueryBar queryBar = new QueryBar();
    final MemoryChart memoryChart;
    final Label memorySummary = new Label();
    final WireChart wireChart;
    final Label wireSummary = new Label();
    final TabPane tabs = new TabPane();
    final Tab sideBySide;
    final Tab memoryTab;
    final Tab wireTab;
    private final SessionsModel model;

    SessionsView(ObjectProperty<Palette> palette, SessionsModel model) {
        super(6);
        this.model = model;
        getStyleClass().add("sessions-view");
        setMinWidth(300);
        setMinHeight(300);
        session.setId("sessions-id");
        session.getStyleClass().addAll("sessions-session", "may-elide");
        engine.setId("sessions-engine");
        engine.getStyleClass().add("sessions-engine");
        engine.setWrapText(true);
        engine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        HBox both = new HBox(8, hash, json);
        HBox.setHgrow(hash, Priority.ALWAYS);
        HBox.setHgrow(json, Priority.ALWAYS);
        hash.setMinWidth(140);
        json.setMinWidth(140);
        hash.prefWidthProperty().bind(both.widthProperty().multiply(0.48));
        json.prefWidthProperty().bind(both.widthProperty().multiply(0.52));
        VBox.setVgrow(both, Priority.ALWAYS);
        sideBySide = new Tab("Side by side", scrolling(new VBox(6, both, queryBar)));

        memoryChart = new MemoryChart(palette);
        memorySummary.setId("sessions-memory-summary");
        memorySummary.setWrapText(true);
        memorySummary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox memoryBox = new VBox(6, memoryChart, memorySummary);
        VBox.setVgrow(memoryChart, Priority.ALWAYS);
        memoryTab = new Tab("Memory", scrolling(memoryBox));

        wireChart = new WireChart(palette);
        wireSummary.setId("sessions-wire-summary");
        wireSummary.setWrapText(true);
        wireSummary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox wireBox = new VBox(6, wireChart, wireSummary);
        VBox.setVgrow(wireChart, Priority.ALWAYS);
        wireTab = new Tab("Server vs client", scrolling(wireBox));

        for (Tab t : new Tab[]{sideBySide, memoryTab, wireTab}) t.setClosable(false);
        tabs.getTabs().setAll(sideBySide, memoryTab, wireTab);
        tabs.setId("sessions-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        session.setMinWidth(0);
        HBox top = new HBox(12, session, engine);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(engine, Priority.ALWAYS);
        getChildren().addAll(top, tabs);

        model.snapshot.addListener(o -> showStores());
        model.changes.addListener(o -> showStores());
        model.query.addListener(o -> showStores());
        model.limits.addListener(o -> showStores());
        model.sessionId.addListener(o -> showStores());
        model.memory.addListener((o, a, r) -> {
            memoryChart.show(r);
            memorySummary.setText(memoryText(r));
        });
        model.wire.addListener((o, a, r) -> {
            wireChart.show(r);
            wireSummary.setText(wireText(r));
        });
        showStores();
    }

    /** A tab's content fills the tab, and scrolls when the window is too small for its minimum size. */
    private static javafx.scene.control.ScrollPane scrolling(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("sessions-scroll");
        return sp;
    }

    void showEngine(String text, String more) {
        engine.setText(text);
        engine.setTooltip(new Tooltip(more));
    }

    private void showStores() {
        String id = model.sessionId.get();
        SessionsModel.Snapshot s = model.snapshot.get();
        String text = id == null ? "No session yet: press New session (a UUID, as in the talk, keys both stores)."
                : "Session " + id + (s != null && !s.hash().exists() && !s.json().exists() ? ": both keys are gone (a reset, or a new"
                + " server). Press New session." : "");
        session.setText(text);
        session.setTooltip(new Tooltip(text));
        boolean current = s != null && s.sessionId().equals(id);
        SessionsModel.Changes c = model.changes.get();
        hash.show(current ? s.hash() : null, model.limits.get(), c.fields());
        json.show(current ? s.json() : null, current ? s.engine() : "", c.pointers(), current ? model.query.get() : null);
        queryBar.show(current ? model.query.get() : null);
    }

    /** The memory figures in words, from the measurements. */
    static String memoryText(SessionsModel.MemoryRun r) {
        if (r == null) return "";
        StringBuilder b = new StringBuilder();
        int f = SessionsModel.MemoryRun.switchAt(r.byFields());
        int v = SessionsModel.MemoryRun.switchAt(r.byValue());
        if (f > 1) {
            b.append(String.format(Locale.ROOT, "Fields: a listpack up to %d fields (%,d B at %d), a hashtable from %d (%,d B): "
                            + "OBJECT ENCODING read after each HSET.", f - 1, r.byFields().get(f - 2).bytes(), f - 1, f,
                    r.byFields().get(f - 1).bytes()));
        }
        if (v > 1) {
            b.append(String.format(Locale.ROOT, " One value: listpack up to %d bytes (%,d B), hashtable at %d bytes (%,d B).",
                    v - 1, r.byValue().get(v - 2).bytes(), v, r.byValue().get(v - 1).bytes()));
        }
        if (r.limits().problem() != null) b.append(' ').append(r.limits().problem());
        b.append(" The experiment's two keys are deleted afterwards; the limits are read, never changed.");
        return b.toString().strip();
    }

    /** The wire figures in words. */
    static String wireText(SessionsModel.WireRun r) {
        if (r == null || r.variants().size() < 2) return "";
        SessionsModel.WireVariant server = r.variants().get(0);
        SessionsModel.WireVariant all = r.variants().get(1);
        String lua = r.engine().startsWith("Lua") ? " Here the filter runs in the Lua stand-in, which parses the whole stored"
                + " text on every call; valkey-json keeps a parsed tree and filters without that step." : "";
        return String.format(Locale.ROOT, "%d item%s in the inventory, %d rounds each. The server's filter sends %,d B; HGETALL sends"
                        + " %,d B (%.0f×) and the app then parses and filters (%,d µs).%s",
                r.items(), r.items() == 1 ? "" : "s", r.rounds(), server.replyBytes(), all.replyBytes(), all.replyBytes() / (double) Math.max(1, server.replyBytes()),
                all.clientMicros(), lua);
    }
}
