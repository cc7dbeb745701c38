package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Palette;
import javafx.scene.paint.Color;

/** The map's colours, mixed from the theme's palette so that both themes work. */
record MapColors(Color sea, Color land, Color coast, Color sand, Color forest, Color lake, Color block, Color path,
                 Color text, Color muted, Color grid, Color accent, Color hit, Color warn, Color valkey, Color miss,
                 Color halo, Color offLimits) {

    static MapColors of(Palette p) {
        Color bg = p.background();
        return new MapColors(
                bg.interpolate(p.accent(), p.dark() ? 0.16 : 0.13),
                p.surface().interpolate(p.hit(), p.dark() ? 0.10 : 0.08),
                p.muted().interpolate(bg, 0.35),
                p.surface().interpolate(p.warn(), p.dark() ? 0.30 : 0.32),
                p.surface().interpolate(p.hit(), p.dark() ? 0.28 : 0.30),
                bg.interpolate(p.accent(), p.dark() ? 0.28 : 0.25),
                p.surface().interpolate(p.text(), p.dark() ? 0.30 : 0.22),
                p.surface().interpolate(p.database(), 0.55),
                p.text(), p.muted(), p.grid().interpolate(p.muted(), 0.25), p.accent(), p.hit(), p.warn(), p.valkey(), p.miss(),
                p.surface().deriveColor(0, 1, 1, 0.85),
                p.muted().deriveColor(0, 1, 1, 0.22));
    }
}
