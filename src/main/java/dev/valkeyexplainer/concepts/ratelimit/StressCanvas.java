package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The stress test's result: for the script and for the read-then-write contrast, the spells admitted
 * (a bar) against the bound the parameters imply (a line): capacity + refill rate × the run's server
 * time. A bar past its line is over-admission.
 */
final class StressCanvas extends CanvasPanel {

    private final RateLimitModel model;

    StressCanvas(ObjectProperty<Palette> palette, RateLimitModel model) {
        super(palette);
        this.model = model;
        setMinSize(240, 84);
        setPrefSize(700, 110);
        model.stressScript.addListener(o -> redraw());
        model.stressNaive.addListener(o -> redraw());
        model.busy.addListener(o -> redraw());
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        StressTest.Result a = model.stressScript.get();
        StressTest.Result n = model.stressNaive.get();
        Draw.text(g, "Concurrency: many clients, one bucket (cost 1 each)", Draw.BOLD, p.text(), 10, 14, w - 20);
        if (a == null && n == null) {
            Draw.paragraph(g, model.busy.get() ? "Running…" : "\"Stress test\" (under Concurrency): 32 workers on 4 connections"
                    + " cast at one bucket. A correct limiter admits at most capacity + refill rate × the time the run took.",
                    Draw.SMALL, p.muted(), 10, 34, w - 20, 13, (int) ((h - 30) / 13));
            return;
        }
        double max = 1;
        for (StressTest.Result r : new StressTest.Result[]{a, n}) {
            if (r != null) max = Math.max(max, Math.max(r.allowed(), r.bound()));
        }
        max *= 1.08;
        double rowH = (h - 30) / 2;
        row(g, p, a, "script", 10, 28, w - 20, rowH, max);
        row(g, p, n, "read, then write", 10, 28 + rowH, w - 20, rowH, max);
    }

    private static void row(GraphicsContext g, Palette p, StressTest.Result r, String name, double x, double y, double w, double rowH,
                            double max) {
        double labelW = Math.min(120, w * 0.22);
        Draw.text(g, name, Draw.NORMAL, p.text(), x, y + rowH * 0.3, labelW - 6);
        double bx = x + labelW;
        double bw = w - labelW;
        double barH = Math.max(8, Math.min(14, rowH * 0.35));
        if (r == null) {
            Draw.text(g, "not run yet", Draw.SMALL, p.muted(), bx, y + rowH * 0.3, bw);
            return;
        }
        boolean over = r.overAdmitted();
        double len = bw * r.allowed() / max;
        g.setFill(over ? p.miss() : p.hit());
        g.fillRoundRect(bx, y + rowH * 0.3 - barH / 2, Math.max(2, len), barH, 4, 4);
        double lx = bx + bw * r.bound() / max;
        g.setStroke(p.text());
        g.setLineWidth(2);
        g.strokeLine(lx, y + rowH * 0.3 - barH / 2 - 4, lx, y + rowH * 0.3 + barH / 2 + 4);
        String text = String.format(Locale.ROOT, "%,d of %,d admitted %s bound %.2f = %d + %s/s × %.2f s%s", r.allowed(),
                r.config().total(), over ? ">" : "≤", r.bound(), r.config().capacity(), RateSettings.plain(r.config().rate()),
                (r.lastAllowedMs() - r.firstMs()) / 1000.0, over
                        ? String.format(Locale.ROOT, ": %,d too many ✗", r.allowed() - r.maxAllowed()) : " ✓");
        Draw.text(g, text, Draw.SMALL, over ? p.miss() : p.muted(), bx, y + rowH * 0.3 + barH / 2 + 10, bw);
    }
}
