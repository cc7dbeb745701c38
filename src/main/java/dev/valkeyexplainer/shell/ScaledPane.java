package dev.valkeyexplainer.shell;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Presenter zoom: lays its content out at (size / scale) and scales it up, so text, controls and
 * canvases all grow together and the layout still fills the window.
 */
public final class ScaledPane extends Region {

    public static final double MIN = 0.5;
    public static final double MAX = 3.0;

    private final Parent content;
    private final Scale transform = new Scale(1, 1, 0, 0);
    private final DoubleProperty scale = new SimpleDoubleProperty(1.0);

    public ScaledPane(Parent content) {
        this.content = content;
        content.getTransforms().add(transform);
        getChildren().add(content);
        scale.addListener((o, a, b) -> {
            transform.setX(b.doubleValue());
            transform.setY(b.doubleValue());
            requestLayout();
        });
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public void setScale(double s) {
        scale.set(Math.round(Math.max(MIN, Math.min(MAX, s)) * 10) / 10.0);
    }

    public double getScale() {
        return scale.get();
    }

    @Override
    protected void layoutChildren() {
        double s = scale.get();
        content.resizeRelocate(0, 0, getWidth() / s, getHeight() / s);
    }
}
