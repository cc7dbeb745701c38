package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The offline map: drawn by the app on a canvas (no tile server), with pan (drag, arrow keys) and zoom
 * (wheel, + and -; Home for the island, W for the whole world). A click on the empty map adds a member
 * or sets the search centre, depending on {@link #clickMode}; dragging a member moves it (a new
 * GEOADD), a right-click removes it (ZREM), a click selects it.
 */
public final class GeoMapView extends CanvasPanel {

    /** What a click on the empty map does. */
    public enum ClickMode { ADD, CENTRE }

    /** What the map asks the tab to do. */
    public interface Actions {
        void add(double lon, double lat);

        void move(String member, double lon, double lat);

        void remove(String member);

        void select(String member);

        void centre(double lon, double lat);
    }

    private static WorldOutline world;
    private final GeoModel model;
    private final Actions actions;
    final ObjectProperty<ClickMode> clickMode = new SimpleObjectProperty<>(ClickMode.ADD);
    private Viewport vp = new Viewport(GameWorld.LON0, GameWorld.LAT0, 20_000, 800, 500);
    private boolean homed;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private String draggedMember;
    private double hoverLon = Double.NaN;
    private double hoverLat = Double.NaN;

    public GeoMapView(ObjectProperty<Palette> palette, GeoModel model, Actions actions) {
        super(palette);
        this.model = model;
        this.actions = actions;
        getStyleClass().add("geo-map");
        setId("geo-map");
        setFocusTraversable(true);
        setMinSize(200, 150);
        setPrefSize(700, 420);
        if (world == null) world = WorldOutline.load();
        model.snapshot.addListener(o -> redraw());
        model.search.addListener(o -> redraw());
        model.detail.addListener(o -> redraw());
        model.selected.addListener(o -> redraw());
        model.centre.addListener(o -> redraw());
        clickMode.addListener(o -> redraw());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(e -> {
            hoverLon = vp.lonAt(e.getX());
            hoverLat = vp.latAt(e.getY());
            redraw();
        });
        setOnScroll(this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    GeoModel model() {
        return model;
    }

    /** The current view (tests and screenshot steps read it). */
    public Viewport viewport() {
        return vp;
    }

    public void show(Viewport v) {
        vp = v.resized(getWidth(), getHeight());
        redraw();
    }

    /** Zooms to the island. */
    public void home() {
        vp = vp.resized(Math.max(1, getWidth()), Math.max(1, getHeight())).fit(GameWorld.bounds());
        redraw();
    }

    /** Zooms out to the whole world. */
    public void world() {
        vp = new Viewport(0, 20, Math.max(1, getWidth()) / 380.0, getWidth(), getHeight());
        redraw();
    }

    /** Zooms to a box {minLon, minLat, maxLon, maxLat}, with a margin. */
    public void fit(double[] box) {
        double mx = (box[2] - box[0]) * 0.15 + 1e-5;
        double my = (box[3] - box[1]) * 0.15 + 1e-5;
        vp = vp.resized(getWidth(), getHeight()).fit(new double[]{box[0] - mx, box[1] - my, box[2] + mx, box[3] + my});
        redraw();
    }

    public void zoom(double factor) {
        vp = vp.zoomed(factor, getWidth() / 2, getHeight() / 2);
        redraw();
    }

    /** Where a geographic point is on screen, in this node's coordinates (for tests that click it). */
    public double[] screen(double lon, double lat) {
        return new double[]{vp.x(lon), vp.y(lat)};
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        if (!homed && w > 10 && h > 10) {
            homed = true;
            vp = vp.resized(w, h).fit(GameWorld.bounds());
        }
        vp = vp.resized(w, h);
        MapColors c = MapColors.of(p);
        g.save();
        BasemapPainter.sea(g, vp, c);
        BasemapPainter.outline(g, vp, c, world);
        BasemapPainter.island(g, vp, c);
        BasemapPainter.offLimits(g, vp, c);
        BasemapPainter.graticule(g, vp, c);
        GeoModel.Search s = model.search.get();
        if (s != null && s.key().equals(model.key.get())) DataPainter.scan(g, vp, c, s);
        GeoModel.Detail d = model.detail.get();
        if (d != null && d.key().equals(model.key.get())) {
            g.setStroke(c.valkey());
            g.setLineWidth(2.5);
            DataPainter.rect(g, vp, d.cell(), false);
            double x = vp.x(d.cell().lonMin());
            double y = vp.y(d.cell().latMin());
            if (vp.x(d.cell().lonMax()) - x > 60) DataPainter.label(g, c, "step " + d.step() + " cell", x + 4, y - 20, c.valkey(), true);
        }
        if (s != null && s.key().equals(model.key.get())) DataPainter.shape(g, vp, c, s.shape());
        double[] centre = model.centre.get();
        if (s == null || s.fromMember() == null) DataPainter.centre(g, vp, c, centre[0], centre[1], "search centre");
        GeoModel.Snapshot snap = model.snapshot.get();
        List<GeoModel.Member> members = snap == null ? List.of() : snap.members();
        DataPainter.members(g, vp, c, members, s != null && s.key().equals(model.key.get()) ? s : null, model.selected.get(),
                dragging ? draggedMember : null);
        if (dragging && draggedMember != null) {
            DataPainter.label(g, c, draggedMember + " → drop to GEOADD", lastX + 10, lastY - 8, c.accent(), true);
            g.setFill(c.accent());
            g.fillOval(lastX - 6, lastY - 6, 12, 12);
        }
        BasemapPainter.scaleBar(g, vp, c);
        readout(g, c, w, h);
        g.restore();
    }

    private void readout(GraphicsContext g, MapColors c, double w, double h) {
        String where = Double.isNaN(hoverLon) ? "" : String.format(Locale.ROOT, "%.6f, %.6f   ", hoverLon, hoverLat);
        String text = where + String.format(Locale.ROOT, "%s / px", BasemapPainter.length(vp.metersPerPixel()));
        boolean outlineShown = vp.metersPerPixel() > 300;
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(c.halo());
        g.fillRoundRect(w - text.length() * 6.4 - 14, h - 24, text.length() * 6.4 + 8, 18, 6, 6);
        g.setFill(c.text());
        g.fillText(text, w - 10, h - 11);
        if (outlineShown) {
            g.setFill(c.muted());
            g.fillText("Coastlines: Natural Earth 1:110m (public domain)", w - 10, h - 30);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    // ------------------------------------------------------------------ interaction

    private String memberAt(double x, double y) {
        GeoModel.Snapshot snap = model.snapshot.get();
        if (snap == null) return null;
        String best = null;
        double bestD = 11 * 11;
        for (GeoModel.Member m : snap.members()) {
            double dx = vp.x(m.lon()) - x;
            double dy = vp.y(m.lat()) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = m.name();
            }
        }
        return best;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
        draggedMember = e.getButton() == MouseButton.PRIMARY && model.writable.get() ? memberAt(e.getX(), e.getY()) : null;
    }

    private void dragged(MouseEvent e) {
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) dragging = true;
        if (!dragging) return;
        if (draggedMember == null) vp = vp.panned(e.getX() - lastX, e.getY() - lastY);
        lastX = e.getX();
        lastY = e.getY();
        redraw();
    }

    private void released(MouseEvent e) {
        boolean wasDrag = dragging;
        String member = draggedMember;
        dragging = false;
        draggedMember = null;
        if (wasDrag) {
            if (member != null) actions.move(member, vp.lonAt(e.getX()), vp.latAt(e.getY()));
            redraw();
            return;
        }
        String hit = memberAt(e.getX(), e.getY());
        if (e.getButton() == MouseButton.SECONDARY) {
            if (hit != null) actions.remove(hit);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (hit != null) actions.select(hit);
            else if (clickMode.get() == ClickMode.CENTRE) actions.centre(vp.lonAt(e.getX()), vp.latAt(e.getY()));
            else actions.add(vp.lonAt(e.getX()), vp.latAt(e.getY()));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        vp = vp.zoomed(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
        redraw();
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> vp = vp.panned(80, 0);
            case RIGHT -> vp = vp.panned(-80, 0);
            case UP -> vp = vp.panned(0, 80);
            case DOWN -> vp = vp.panned(0, -80);
            case PLUS, EQUALS, ADD -> vp = vp.zoomed(1.5, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> vp = vp.zoomed(1 / 1.5, getWidth() / 2, getHeight() / 2);
            case HOME, H -> vp = vp.fit(GameWorld.bounds());
            case W -> world();
            default -> {
                return;
            }
        }
        redraw();
        e.consume();
    }
}
