package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.valkey.Capability;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;

/**
 * One idea from the talk, as a plug-in of the app. The shell creates the view the first time the
 * concept is shown ({@link #createView}, FX thread, once), and calls {@link #activate()} when it is
 * shown and {@link #deactivate()} when it is hidden: only the visible concept polls the server and
 * animates, so a concept never shown costs nothing. Constructors create no nodes and start nothing
 * (the catalog is built before the FX toolkit starts).
 *
 * <p>Adding a concept: one package under {@code concepts/}, one line in the app's catalog, its
 * control panel's FXML under {@code fxml/concepts/<id>/} and its CSS in {@code styles/concepts/<id>.css}.
 */
public interface Concept {

    /** Short stable id: {@code --tab ID}, the journal's tab column, CSS class {@code concept-<id>}. */
    String id();

    /** The talk section it belongs to (navigation groups). */
    ConceptGroup group();

    /** Title in the navigation, e.g. "Cache-aside". */
    String title();

    /** One line for the navigation's tooltip and the search results. */
    String summary();

    /** Extra words the search matches (commands, synonyms), e.g. {@code List.of("GET", "SET", "TTL", "lazy loading")}. */
    List<String> keywords();

    /**
     * What the concept needs from the user's ACL beyond reading (writes, Lua scripts, CLIENT commands,
     * Pub/Sub). On a server where the user may not, the side list marks it "read-only" or "off" and
     * says why, before anything is pressed.
     */
    default Set<Capability> needs() {
        return Set.of();
    }

    /** Builds the concept's content (FX thread, once, the first time it is shown). */
    Node createView(ConceptContext context);

    void activate();

    void deactivate();

    /** Called after "Reset demo data" removed the namespace: forget local state that mirrored it. */
    default void onReset() {
    }

    /** The concept's scenario player, if it has one (Space and Right arrow drive it). */
    default Optional<StepPlayer> player() {
        return Optional.empty();
    }

    /**
     * The talk mode's steps for this concept, in order (PageDown / Right / Space run the next one).
     * Each runs the concept's real scenario against the real server. Called after {@link #createView}.
     */
    default List<TalkStep> talkSteps() {
        return List.of();
    }

    /** What the screenshot mode captures of this concept. Called after {@link #createView}. */
    default List<ScreenshotStep> screenshotSteps() {
        return List.of();
    }

    /** Stops background work for good (app exit). */
    default void dispose() {
        deactivate();
    }
}
