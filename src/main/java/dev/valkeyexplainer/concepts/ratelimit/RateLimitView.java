package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Palette;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The tab's visual, top to bottom: the shared timeline of the three limiters, the live gauges of Bob's
 * keys, and the stress test's result. Canvases draw at any size; the minimum heights add up to less
 * than the one-column layout's visual height, so nothing is cut at 150 %.
 */
public final class RateLimitView extends VBox {

    final TimelineCanvas timeline;
    final GaugeCanvas gauge;
    final StressCanvas stress;
    final Label headline = new Label();
    final Button follow = new Button("Follow the clock");
    private final RateLimitModel model;

    public RateLimitView(ObjectProperty<Palette> palette, RateLimitModel model) {
        super(6);
        this.model = model;
        getStyleClass().add("rl-view");
        setMinWidth(240);
        timeline = new TimelineCanvas(palette, model);
        gauge = new GaugeCanvas(palette, model);
        stress = new StressCanvas(palette, model);
        timeline.setId("rl-timeline");
        gauge.setId("rl-gauge");
        stress.setId("rl-stress-chart");

        headline.setId("rl-headline");
        headline.getStyleClass().add("rl-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.setMinWidth(0);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        follow.setId("rl-follow");
        follow.getStyleClass().add("small");
        follow.setMinWidth(Region.USE_PREF_SIZE);
        follow.setTooltip(new Tooltip("Leave the zoomed burst and let the timeline follow the server's clock again"));
        follow.visibleProperty().bind(model.zoom.isNotNull());
        follow.managedProperty().bind(follow.visibleProperty());
        follow.setOnAction(e -> model.zoom.set(null));
        HBox head = new HBox(8, headline, follow);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(0);
        model.status.addListener((o, a, s) -> showHeadline(s));
        showHeadline(model.status.get());

        VBox.setVgrow(timeline, Priority.ALWAYS);
        getChildren().addAll(head, timeline, gauge, stress);
    }

    private void showHeadline(String s) {
        String text = s == null || s.isEmpty() ? "One spell goes to all three scripts; every mark below is a verdict the server returned." : s;
        headline.setText(text);
    }

    /** Frame listener: the parts that move with the clock between readings. */
    void tick() {
        timeline.tick();
        gauge.tick();
    }
}
