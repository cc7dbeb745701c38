package dev.valkeyexplainer.concept;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One step of the talk mode: what the presenter says and points at, and the concept's real scenario
 * step that runs against the server when the presenter advances (PageDown, Right or Space).
 *
 * @param title  a few words shown in the progress line, e.g. "A miss, then a hit"
 * @param note   the speaker note, in our own words: what to say, what to point at (one short paragraph)
 * @param action starts the step on the FX thread; completes (on any thread) when its commands have
 *               run. A failed stage is shown as the step's error, and the presenter can go on.
 */
public record TalkStep(String title, String note, Supplier<? extends CompletionStage<?>> action) {

    /** A step that only shows its note (an introduction), sending nothing. */
    public static TalkStep note(String title, String note) {
        return new TalkStep(title, note, () -> java.util.concurrent.CompletableFuture.completedFuture(null));
    }
}
