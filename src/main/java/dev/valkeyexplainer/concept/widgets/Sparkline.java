package dev.valkeyexplainer.concept.widgets;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.function.DoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** A small live line chart of the last N samples, drawn on a canvas that follows its pane's size. */
public final class Sparkline extends CanvasPanel {

    private final double[] samples;
    private int count;
    private int head;
    private final String title;
    private final DoubleFunction<String> format;

    public Sparkline(String title, int capacity, DoubleFunction<String> format, ObjectProperty<Palette> palette) {
        super(palette);
        this.title = title;
        this.samples = new double[capacity];
        this.format = format;
        getStyleClass().add("sparkline");
        setMinSize(160, 90);
        setPrefSize(360, 140);
    }

    /** FX thread. */
    public void add(double v) {
        samples[head] = v;
        head = (head + 1) % samples.length;
        if (count < samples.length) count++;
        redraw();
    }

    public int count() {
        return count;
    }

    public double latest() {
        return count == 0 ? Double.NaN : samples[(head - 1 + samples.length) % samples.length];
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double top = 34;
        double bottom = h - 10;
        double left = 10;
        double right = w - 10;
        g.setTextBaseline(VPos.TOP);
        String value = count == 0 ? "–" : format.apply(latest());
        Font valueFont = Font.font("DejaVu Sans", FontWeight.BOLD, 18);
        Font titleFont = Font.font("DejaVu Sans", 12);
        // the title gives way to the value: cut with "…" where the two would meet
        double room = right - left - textWidth(value, valueFont) - 10;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.muted());
        g.setFont(titleFont);
        g.fillText(fit(title, titleFont, room), left, 8);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(p.text());
        g.setFont(valueFont);
        g.fillText(value, right, 6);
        if (count < 2) return;
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            double v = sample(i);
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        // A floor of zero reads honestly for rates; a tight band shows change for slowly moving values.
        double lo = min > 0 && (max - min) < max * 0.5 ? min - (max - min) * 0.2 : 0;
        double hi = max <= lo ? lo + 1 : max;
        double step = (right - left) / (samples.length - 1);
        double x0 = right - (count - 1) * step;
        Color line = p.accent();
        g.setFill(line.deriveColor(0, 1, 1, 0.15));
        g.beginPath();
        g.moveTo(x0, bottom);
        for (int i = 0; i < count; i++) g.lineTo(x0 + i * step, y(sample(i), lo, hi, top, bottom));
        g.lineTo(x0 + (count - 1) * step, bottom);
        g.closePath();
        g.fill();
        g.setStroke(line);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < count; i++) {
            double x = x0 + i * step;
            double y = y(sample(i), lo, hi, top, bottom);
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setFill(p.muted());
        g.fillText("max " + format.apply(max), left, top - 12);
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The text, cut with "…" so that it is at most {@code width} wide in this font. */
    static String fit(String text, Font font, double width) {
        if (textWidth(text, font) <= width) return text;
        for (int n = text.length() - 1; n > 0; n--) {
            String cut = text.substring(0, n).strip() + "…";
            if (textWidth(cut, font) <= width) return cut;
        }
        return "";
    }

    private double sample(int i) {
        return samples[(head - count + i + samples.length) % samples.length];
    }

    private static double y(double v, double lo, double hi, double top, double bottom) {
        return bottom - (v - lo) / (hi - lo) * (bottom - top);
    }
}
