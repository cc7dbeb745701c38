package dev.valkeyexplainer.concept;

import javafx.scene.paint.Color;

/**
 * Colours for what is drawn on a Canvas (CSS cannot reach inside a canvas). They mirror the tokens
 * in {@code styles/tokens.css}; keep the two in step.
 */
public record Palette(boolean dark, Color background, Color surface, Color text, Color muted, Color grid,
                      Color accent, Color hit, Color miss, Color warn, Color valkey, Color database) {

    public static final Palette LIGHT = new Palette(false, Color.web("#f7f8fa"), Color.web("#ffffff"), Color.web("#1d2430"),
            Color.web("#5b6577"), Color.web("#dde2ea"), Color.web("#2f6fec"), Color.web("#1f9d55"), Color.web("#d6453d"),
            Color.web("#d98e04"), Color.web("#6a4cff"), Color.web("#8a5a2b"));

    public static final Palette DARK = new Palette(true, Color.web("#14171d"), Color.web("#1d222b"), Color.web("#e6e9ef"),
            Color.web("#9aa4b5"), Color.web("#2c333f"), Color.web("#5b93ff"), Color.web("#3ccf7e"), Color.web("#ff6b61"),
            Color.web("#ffb224"), Color.web("#9c88ff"), Color.web("#d09a62"));
}
