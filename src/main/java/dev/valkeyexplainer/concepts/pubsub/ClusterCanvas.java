package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The picture nobody else draws: the cluster as shards (primary, replicas, slot ranges), the
 * channel's slot and the shard that owns it, where each player's subscription lives (from CLIENT
 * LIST on every node), and each published message travelling where the nodes' counters say it went:
 * from the publisher to the node that executed the command, over the cluster bus to the nodes whose
 * {@code publish_received} / {@code publishshard_received} grew, and to the players whose callbacks
 * ran. Nothing moves that was not measured.
 */
final class ClusterCanvas extends CanvasPanel {

    static final double DURATION_S = 2.2;
    private static final int MAX_SHARDS_DRAWN = 8;

    /** A player as the picture needs it. */
    record Avatar(String name, int colour, boolean online) {
    }

    /** One message's measured path. {@code sources} maps each player who got it to the node it came from. */
    record Flight(String publisher, String entry, List<String> reached, Map<String, String> sources, boolean sharded, int count) {
    }

    private Topology topology;
    private int slot = -1;
    private String channel = "";
    private String note = "The local cluster starts when this tab is first opened.";
    private Snapshot snapshot;
    private List<Avatar> avatars = List.of();
    private Flight flight;
    private final java.util.ArrayDeque<Flight> queue = new java.util.ArrayDeque<>();
    private double t = 1;
    private final Map<String, Rectangle2D> chips = new HashMap<>();
    private final Map<String, double[]> heads = new HashMap<>();

    ClusterCanvas(ObjectProperty<Palette> palette) {
        super(palette);
        getStyleClass().add("cluster-canvas");
        setMinSize(300, 240);
        setPrefSize(760, 330);
    }

    /** FX thread: a message instead of the picture (e.g. while the cluster starts). */
    void showNote(String text) {
        note = text;
        if (topology == null) redraw();
    }

    void showTopology(Topology t, int channelSlot, String channelName) {
        topology = t;
        slot = channelSlot;
        channel = channelName;
        redraw();
    }

    void showSnapshot(Snapshot s) {
        snapshot = s;
        redraw();
    }

    void showAvatars(List<Avatar> a) {
        avatars = List.copyOf(a);
        redraw();
    }

    /** Starts the animation of measured messages (or bursts), one after the other; replaces any still queued. */
    void fly(Flight... flights) {
        queue.clear();
        queue.addAll(List.of(flights));
        flight = queue.poll();
        t = 0;
        redraw();
    }

    Flight flight() {
        return flight;
    }

    /** Frame listener: advances the flight; true while it moves. */
    boolean step(double dt) {
        if (flight == null || (t >= 1 && queue.isEmpty())) return false;
        if (t >= 1) {
            flight = queue.poll();
            t = 0;
        }
        t = Math.min(1, t + dt / DURATION_S);
        redraw();
        return t < 1 || !queue.isEmpty();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        chips.clear();
        heads.clear();
        g.setTextBaseline(VPos.TOP);
        if (topology == null) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Font.font("DejaVu Sans", 14));
            g.fillText(note, w / 2, h / 2 - 8, w - 40);
            return;
        }
        double left = 12;
        double top = 10;
        double size = Math.max(10, Math.min(13, w / 70));
        if (topology.cluster()) top = slotBar(g, p, left, top, w - 2 * left, size);
        // the shard boxes as tall as their nodes need (a tall window does not stretch them), players below
        int most = topology.shards().stream().mapToInt(s -> s.nodes().size()).max().orElse(1);
        double needed = 2 * size + 22 + most * (46 + 6) + 8;
        double boxH = Math.min(h - 34 - 44 - top - 6, needed);
        double avatarY = Math.min(h - 34, top + 6 + boxH + 90);
        shards(g, p, left, top + 6, w - 2 * left, boxH, size);
        players(g, p, left, avatarY, w - 2 * left, size);
        if (flight != null) flightDots(g, p);
    }

    /** The 16,384 slots as a bar coloured by owning shard, with the channel's slot marked. Returns the y below it. */
    private double slotBar(GraphicsContext g, Palette p, double x, double y, double w, double size) {
        g.setFont(Font.font("DejaVu Sans", size - 1));
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("16,384 hash slots, by the shard that serves them (CLUSTER SHARDS)", x, y);
        double barY = y + size + 6;
        for (Topology.Shard s : topology.shards()) {
            g.setFill(shardColour(p, s.index()));
            for (Topology.SlotRange r : s.slots()) {
                double x0 = x + w * r.from() / Topology.SLOTS;
                double x1 = x + w * (r.to() + 1) / Topology.SLOTS;
                g.fillRect(x0, barY, Math.max(2, x1 - x0), 10);
            }
        }
        if (slot >= 0) {
            double sx = x + w * (slot + 0.5) / Topology.SLOTS;
            g.setFill(p.text());
            g.fillPolygon(new double[]{sx - 5, sx + 5, sx}, new double[]{barY - 6, barY - 6, barY + 1}, 3);
            g.setStroke(p.text());
            g.setLineWidth(1.5);
            g.strokeLine(sx, barY, sx, barY + 14);
            String label = String.format(Locale.ROOT, "slot %,d = CLUSTER KEYSLOT %s", slot, channel)
                    + (snapshot == null ? "" : String.format(Locale.ROOT, "  ·  SHARDNUMSUB %d, NUMSUB %d", snapshot.shardnumsub(),
                    snapshot.numsub()));
            Font font = Font.font("DejaVu Sans", FontWeight.BOLD, size - 1);
            g.setFont(font);
            double tw = textWidth(label, font);
            double lx = sx > x + w * 0.55 ? sx - 8 - tw : sx + 8; // beside the marker, kept inside the canvas
            lx = Math.max(x, Math.min(lx, x + w - tw));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(label, lx, barY + 12, w);
        }
        return barY + 12 + size + 6;
    }

    private void shards(GraphicsContext g, Palette p, double x, double y, double w, double h, double size) {
        List<Topology.Shard> list = topology.shards();
        int n = Math.min(list.size(), MAX_SHARDS_DRAWN);
        double gap = 10;
        double boxW = (w - gap * (n - 1)) / n;
        Topology.Shard owner = slot >= 0 ? topology.owner(slot).orElse(null) : null;
        for (int i = 0; i < n; i++) {
            Topology.Shard s = list.get(i);
            double bx = x + i * (boxW + gap);
            boolean owns = s == owner;
            g.setFill(owns ? p.accent().deriveColor(0, 1, 1, 0.08) : p.background());
            g.fillRoundRect(bx, y, boxW, h, 10, 10);
            g.setStroke(owns ? p.accent() : p.grid());
            g.setLineWidth(owns ? 2 : 1);
            g.strokeRoundRect(bx, y, boxW, h, 10, 10);
            g.setFill(shardColour(p, s.index()));
            g.fillRoundRect(bx + 8, y + 8, 10, 10, 3, 3);
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, size));
            String title = topology.cluster() ? "Shard " + s.index() : "Standalone server";
            if (owns && textWidth(title + " · owns the channel", g.getFont()) < boxW - 30) title += " · owns the channel";
            g.fillText(title, bx + 24, y + 6, boxW - 30);
            g.setFont(Font.font("DejaVu Sans", size - 2));
            g.setFill(p.muted());
            if (topology.cluster()) g.fillText("slots " + s.slotText(), bx + 8, y + 8 + size + 4, boxW - 16);
            List<Topology.Node> nodes = new ArrayList<>(s.replicas());
            nodes.add(s.primary()); // the primary at the bottom, nearest the players who subscribe there
            double chipTop = y + 2 * size + 22;
            double chipH = Math.max(size + 6, Math.min(46, (y + h - 8 - chipTop - 6 * (nodes.size() - 1)) / nodes.size()));
            for (int k = 0; k < nodes.size(); k++) {
                chip(g, p, nodes.get(k), bx + 8, chipTop + k * (chipH + 6), boxW - 16, chipH, size);
            }
        }
        if (list.size() > n) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("+" + (list.size() - n) + " more shards", x + w, y + h + 2);
        }
    }

    private void chip(GraphicsContext g, Palette p, Topology.Node node, double x, double y, double w, double h, double size) {
        chips.put(node.address(), new Rectangle2D(x, y, Math.max(0, w), Math.max(0, h)));
        boolean reached = flight != null && t > 0.45 && flight.reached().contains(node.address());
        boolean entry = flight != null && t > 0.25 && node.address().equals(flight.entry());
        Color kind = flight != null && flight.sharded() ? p.valkey() : p.warn();
        g.setFill(entry ? kind.deriveColor(0, 1, 1, 0.35) : reached ? kind.deriveColor(0, 1, 1, 0.18) : p.surface());
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(entry || reached ? kind : p.grid());
        g.setLineWidth(entry ? 2 : 1);
        g.strokeRoundRect(x, y, w, h, 8, 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.text());
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, size - 1);
        g.setFont(bold);
        String role = topology.cluster() ? (node.primary() ? "primary" : "replica") : "server";
        String name = role + " :" + node.port() + ("online".equals(node.health()) ? "" : " (" + node.health() + ")");
        g.fillText(name, x + 6, y + 3, w - 12);
        String badge = flight != null && t > 0.6 ? badge(node.address()) : "";
        boolean badgeFits = !badge.isEmpty() && textWidth(name, bold) + textWidth(badge, bold) + 18 < w;
        if (badgeFits) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(kind);
            g.fillText(badge, x + w - 6, y + 3);
        }
        if (h < 2 * size + 4) return;
        Font small = Font.font("DejaVu Sans", size - 2);
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        if (!badge.isEmpty() && !badgeFits) { // a narrow chip: the badge takes the second line
            g.setFill(kind);
            g.setFont(bold);
            g.fillText(badge, x + 6, y + size + 4, w - 12);
            return;
        }
        g.setFill(p.muted());
        g.fillText(figures(node.address(), small, w - 12), x + 6, y + size + 5, w - 12);
    }

    /** The app's clients' subscriptions on this node, from its CLIENT LIST, as long as the chip allows. */
    private String figures(String address, Font font, double room) {
        if (snapshot == null) return "";
        Subscription s = snapshot.onNode(address);
        String counts = String.format(Locale.ROOT, "sub %d · ssub %d · psub %d", s.sub(), s.ssub(), s.psub());
        if (textWidth("CLIENT LIST: " + counts, font) <= room) return "CLIENT LIST: " + counts;
        if (textWidth(counts, font) <= room) return counts;
        List<String> nonzero = new ArrayList<>();
        if (s.sub() > 0) nonzero.add("sub " + s.sub());
        if (s.ssub() > 0) nonzero.add("ssub " + s.ssub());
        if (s.psub() > 0) nonzero.add("psub " + s.psub());
        return String.join(" · ", nonzero);
    }

    /** What the last flight did on this node: executed the command, or received bus messages. */
    private String badge(String address) {
        if (address.equals(flight.entry())) return flight.count() > 1 ? flight.count() + "× " + (flight.sharded() ? "SPUBLISH" : "PUBLISH")
                : (flight.sharded() ? "SPUBLISH" : "PUBLISH");
        if (flight.reached().contains(address)) return "+" + flight.count() + " bus";
        return "";
    }

    private void players(GraphicsContext g, Palette p, double x, double y, double w, double size) {
        if (avatars.isEmpty()) return;
        double step = w / avatars.size();
        for (int i = 0; i < avatars.size(); i++) {
            Avatar a = avatars.get(i);
            double cx = x + step * (i + 0.5);
            heads.put(a.name(), new double[]{cx, y});
            if (snapshot != null && a.online()) {
                for (Subscription s : snapshot.of(a.name())) {
                    Rectangle2D r = chips.get(s.node());
                    if (r == null) continue;
                    double tx = r.getMinX() + r.getWidth() * (0.3 + 0.4 * ((i % 3) / 2.0));
                    g.setStroke(playerColour(p, a.colour()).deriveColor(0, 1, 1, 0.7));
                    g.setLineWidth(1.5);
                    g.setLineDashes(s.psub() > 0 ? new double[]{5, 4} : null);
                    g.strokeLine(cx, y - 13, tx, r.getMaxY());
                    g.setLineDashes(null);
                    g.setFill(p.muted());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFont(Font.font("DejaVu Sans", size - 3));
                    String how = s.ssub() > 0 ? "SSUBSCRIBE" : s.psub() > 0 ? "PSUBSCRIBE" : "SUBSCRIBE";
                    g.fillText(how, (cx + tx) / 2, (y - 13 + r.getMaxY()) / 2 - 6);
                }
            }
            g.setFill(a.online() ? playerColour(p, a.colour()) : p.grid());
            g.fillOval(cx - 12, y - 12, 24, 24);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12));
            g.fillText(a.name().equals(ChatRoom.GUILD_LOG) ? "L" : a.name().substring(0, 1).toUpperCase(Locale.ROOT), cx, y - 8);
            g.setFill(a.online() ? p.text() : p.muted());
            g.setFont(Font.font("DejaVu Sans", size - 1));
            g.fillText(ChatPane.title(a.name()) + (a.online() ? "" : " (away)"), cx, y + 14, step - 4);
        }
    }

    /** The dots: publisher → entry node (t 0-0.3), bus to the reached nodes (0.3-0.65), to the players (0.65-1). */
    private void flightDots(GraphicsContext g, Palette p) {
        if (t >= 1) return;
        Color kind = flight.sharded() ? p.valkey() : p.warn();
        double[] from = heads.get(flight.publisher());
        Rectangle2D entry = chips.get(flight.entry());
        if (entry == null) return;
        double ex = entry.getMinX() + entry.getWidth() / 2;
        double ey = entry.getMinY() + entry.getHeight() / 2;
        if (t < 0.3 && from != null) dot(g, kind, from[0], from[1], ex, ey, t / 0.3, flight.count());
        if (t >= 0.3 && t < 0.65) {
            g.setStroke(kind.deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(1);
            g.setLineDashes(4, 4);
            for (String r : flight.reached()) {
                Rectangle2D c = chips.get(r);
                if (c != null) g.strokeLine(ex, ey, c.getMinX() + c.getWidth() / 2, c.getMinY() + c.getHeight() / 2);
            }
            g.setLineDashes(null);
            for (String r : flight.reached()) {
                Rectangle2D c = chips.get(r);
                if (c != null) dot(g, kind, ex, ey, c.getMinX() + c.getWidth() / 2, c.getMinY() + c.getHeight() / 2, (t - 0.3) / 0.35, 1);
            }
        }
        if (t >= 0.65) {
            for (var e : flight.sources().entrySet()) {
                double[] to = heads.get(e.getKey());
                Rectangle2D c = chips.getOrDefault(e.getValue(), entry);
                if (to != null) dot(g, p.hit(), c.getMinX() + c.getWidth() / 2, c.getMaxY(), to[0], to[1], (t - 0.65) / 0.35, 1);
            }
        }
    }

    private static void dot(GraphicsContext g, Color c, double x0, double y0, double x1, double y1, double f, int count) {
        double e = f < 0.5 ? 2 * f * f : 1 - Math.pow(-2 * f + 2, 2) / 2;
        double x = x0 + (x1 - x0) * e;
        double y = y0 + (y1 - y0) * e;
        double r = count > 1 ? 9 : 6;
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        if (count > 1) {
            g.setFill(Color.WHITE);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 9));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(count + "×", x, y - 6);
        }
    }

    /** Text widths by font and text, measured once (the picture redraws every frame while a message flies). */
    private static final Map<String, Double> WIDTHS = new HashMap<>();

    private static double textWidth(String text, Font font) {
        if (WIDTHS.size() > 2_000) WIDTHS.clear();
        return WIDTHS.computeIfAbsent(font.getName() + font.getSize() + "|" + text, k -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
            probe.setFont(font);
            return probe.getLayoutBounds().getWidth();
        });
    }

    static Color shardColour(Palette p, int index) {
        List<Color> c = new ArrayList<>(List.of(p.accent(), p.hit(), p.database(), p.valkey(), p.warn(), p.miss()));
        return c.get((index - 1) % c.size()).deriveColor(0, 0.8, 1, 0.85);
    }

    static Color playerColour(Palette p, int index) {
        List<Color> c = List.of(p.accent(), p.miss(), p.hit(), p.database(), p.valkey(), p.muted());
        return c.get(index % c.size());
    }
}
