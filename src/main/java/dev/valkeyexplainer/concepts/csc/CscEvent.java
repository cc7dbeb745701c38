package dev.valkeyexplainer.concepts.csc;

import java.util.List;

/** What the caching client tells the tab, from any thread (the tab hands it to the FX thread). */
sealed interface CscEvent {

    /** A read finished. */
    record Read(CachingClient.ReadResult result) implements CscEvent {
    }

    /**
     * An invalidation message reached connection 0 and was applied.
     *
     * @param keys      the keys it named, or null for a flush ("everything")
     * @param values    local values it removed
     * @param cancelled fetches in progress it cancelled (their replies will not be kept)
     */
    record Invalidated(List<String> keys, int values, int cancelled) implements CscEvent {
    }

    /** A GET ran on the server and its reply is held back by the app (the race, stepped). */
    record Held(String key, String via) implements CscEvent {
    }

    /** Someone wrote a key: {@code by} is "game-server" (another client) or a data connection. */
    record Wrote(String key, String value, String by) implements CscEvent {
    }

    /** Tracking came up, went down, or changed; {@code problem} when the tab cannot cache right now. */
    record Status(String text, boolean problem) implements CscEvent {
    }
}
