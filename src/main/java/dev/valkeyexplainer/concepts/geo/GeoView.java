package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Palette;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The tab's visual: a line naming the key on the map, the map with its zoom buttons, and below it
 * "underneath", either the scan of the last search or the selected member's 52-bit score.
 */
public final class GeoView extends VBox {

    final GeoMapView map;
    final ScanTable scan = new ScanTable();
    final ScorePanel score;
    final Label keyLine = new Label();
    final Label readOnly = new Label("read-only");
    final ToggleButton showScan = new ToggleButton("The scan");
    final ToggleButton showScore = new ToggleButton("The 52-bit score");
    private final GeoModel model;

    public GeoView(ObjectProperty<Palette> palette, GeoModel model, GeoMapView.Actions actions) {
        super(6);
        this.model = model;
        getStyleClass().add("geo-view");
        map = new GeoMapView(palette, model, actions);
        score = new ScorePanel(palette);

        keyLine.getStyleClass().add("geo-key-line");
        keyLine.setId("geo-key-line");
        keyLine.setMinWidth(0);
        readOnly.getStyleClass().add("badge-muted");
        readOnly.visibleProperty().bind(model.writable.not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        HBox legend = new HBox(8, legend("● answer", "geo-legend-hit"), legend("● filtered out", "geo-legend-warn"),
                legend("● other", "geo-legend-other"), legend("◆ centre", "geo-legend-centre"));
        legend.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(14, 2, new HBox(8, keyLine, readOnly), legend);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(0);

        Button in = small("+", "Zoom in (+, wheel)", () -> map.zoom(1.5));
        Button out = small("−", "Zoom out (-, wheel)", () -> map.zoom(1 / 1.5));
        Button island = small("Island", "The game's island (Home)", map::home);
        Button world = small("World", "The whole world (W)", map::world);
        Button members = small("Members", "Fit every member on the map", this::fitMembers);
        HBox zoom = new HBox(4, in, out, island, members, world);
        zoom.setPickOnBounds(false);
        zoom.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane mapStack = new StackPane(map, zoom);
        StackPane.setAlignment(zoom, Pos.TOP_RIGHT);
        StackPane.setMargin(zoom, new Insets(8));
        mapStack.setMinHeight(140);

        ToggleGroup cards = new ToggleGroup();
        showScan.setToggleGroup(cards);
        showScore.setToggleGroup(cards);
        showScan.setSelected(true);
        showScan.getStyleClass().add("small");
        showScore.getStyleClass().add("small");
        showScan.setId("geo-show-scan");
        showScore.setId("geo-show-score");
        Label underTitle = new Label("Underneath");
        underTitle.getStyleClass().add("panel-title");
        HBox underHead = new HBox(6, underTitle, showScan, showScore);
        underHead.setAlignment(Pos.CENTER_LEFT);
        StackPane cardStack = new StackPane(scan, score);
        scan.visibleProperty().bind(showScan.selectedProperty());
        score.visibleProperty().bind(showScore.selectedProperty());
        cards.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
        });
        ScrollPane scroll = new ScrollPane(cardStack);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinViewportHeight(30);
        scroll.getStyleClass().add("geo-under-scroll");
        VBox under = new VBox(4, underHead, scroll);
        under.getStyleClass().add("panel");

        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(mapStack, under);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        split.getStyleClass().add("geo-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        under.setMinHeight(60);
        getChildren().addAll(head, split);
        model.snapshot.addListener(o -> showKeyLine());
        model.key.addListener(o -> showKeyLine());
        model.search.addListener((o, a, s) -> {
            scan.show(s);
            if (s != null) showScan.setSelected(true);
        });
        model.detail.addListener((o, a, d) -> {
            score.show(d, d == null ? null : model.placedAt.get(d.member()));
            if (d != null) showScore.setSelected(true);
        });
        showKeyLine();
    }

    private static Label legend(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("geo-legend", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button small(String text, String tip, Runnable r) {
        Button b = new Button(text);
        b.getStyleClass().addAll("small", "geo-map-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> r.run());
        return b;
    }

    private void showKeyLine() {
        GeoModel.Snapshot s = model.snapshot.get();
        String key = model.key.get();
        if (s == null || !s.key().equals(key)) {
            keyLine.setText(key + ": reading…");
            return;
        }
        keyLine.setText(String.format(Locale.ROOT, "%s · %,d member%s%s", key, s.total(), s.total() == 1 ? "" : "s",
                s.total() > s.members().size() ? String.format(Locale.ROOT, " (the first %,d drawn)", s.members().size()) : ""));
        keyLine.setTooltip(new Tooltip("ZCARD counts the members; ZRANGE … WITHSCORES reads them, and each is drawn where its"
                + " score decodes to (as GEOPOS does)."));
    }

    /** Zooms to the search's cells and shape and to every member (for the talk: the beach just outside the circle). */
    void revealSearchAndMembers(GeoModel.Search s) {
        double[] box = searchBox(s);
        GeoModel.Snapshot snap = model.snapshot.get();
        if (snap != null && snap.key().equals(s.key()) && snap.members().size() <= 50) {
            for (GeoModel.Member m : snap.members()) {
                box[0] = Math.min(box[0], m.lon());
                box[1] = Math.min(box[1], m.lat());
                box[2] = Math.max(box[2], m.lon());
                box[3] = Math.max(box[3], m.lat());
            }
        }
        map.fit(box);
    }

    private static double[] searchBox(GeoModel.Search s) {
        double[] box = s.shape().bounds();
        for (ScanPlan.ScanCell c : s.plan().scanned()) {
            box[0] = Math.min(box[0], c.cell().lonMin());
            box[1] = Math.min(box[1], c.cell().latMin());
            box[2] = Math.max(box[2], c.cell().lonMax());
            box[3] = Math.max(box[3], c.cell().latMax());
        }
        return box;
    }

    /** Zooms so that the scanned cells and the searched shape are on screen and not lost in a corner of it. */
    void revealSearch(GeoModel.Search s) {
        double[] box = searchBox(s);
        double[] v = map.viewport().visible();
        boolean inside = box[0] >= v[0] && box[1] >= v[1] && box[2] <= v[2] && box[3] <= v[3];
        boolean tiny = (box[2] - box[0]) < 0.3 * (v[2] - v[0]) && (box[3] - box[1]) < 0.3 * (v[3] - v[1]);
        if (inside && !tiny) return;
        map.fit(box);
    }

    /** Zooms to a cell with room around it (three cells wide), at least 400 m across. */
    void revealCell(GeoHash.Cell c) {
        double padLon = Math.max(c.lonMax() - c.lonMin(), 0.004);
        double padLat = Math.max(c.latMax() - c.latMin(), 0.002);
        map.fit(new double[]{c.lonMin() - padLon, c.latMin() - padLat, c.lonMax() + padLon, c.latMax() + padLat});
    }

    /** Zooms to the members of the key on the map (or the island when there are none). */
    void fitMembers() {
        GeoModel.Snapshot s = model.snapshot.get();
        if (s == null || s.members().isEmpty()) {
            map.home();
            return;
        }
        double[] box = {180, 90, -180, -90};
        for (GeoModel.Member m : s.members()) {
            box[0] = Math.min(box[0], m.lon());
            box[1] = Math.min(box[1], m.lat());
            box[2] = Math.max(box[2], m.lon());
            box[3] = Math.max(box[3], m.lat());
        }
        map.fit(box);
    }
}
