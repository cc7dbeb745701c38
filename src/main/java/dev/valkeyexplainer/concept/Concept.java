package dev.valkeyexplainer.concept;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/**
 * A tab of the app: one idea from the talk. The shell creates the view once, and calls
 * {@link #activate()} when the tab is shown and {@link #deactivate()} when it is hidden: only the
 * selected tab polls the server and animates, so a hidden tab costs nothing. Constructors create no
 * nodes (the registry is built before the FX toolkit starts); {@link #createView} does.
 */
public interface Concept {

    /** Short stable id, used in the journal's tab column and for --tab. */
    String id();

    /** Title on the tab. */
    String title();

    /** Builds the tab's content (FX thread, once). */
    Node createView(ConceptContext context);

    void activate();

    void deactivate();

    /** Called after "Reset demo data" removed the namespace: forget local state that mirrored it. */
    default void onReset() {
    }

    /** The tab's scenario player, if it has one (Space and Right arrow drive it). */
    default Optional<StepPlayer> player() {
        return Optional.empty();
    }

    /** What the screenshot mode captures of this tab. */
    default List<ScreenshotStep> screenshotSteps() {
        return List.of();
    }

    /** Stops background work for good (app exit). */
    default void dispose() {
        deactivate();
    }
}
