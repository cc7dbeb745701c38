package dev.valkeyexplainer.concept;

/**
 * The talk's sections, in the talk's order. The navigation groups concepts by these; Ctrl+1 … Ctrl+7
 * jump to the seven talk groups, and the Server view is the app's home (Alt+Home).
 */
public enum ConceptGroup {
    SERVER("Server", "The live server behind every concept"),
    CACHING("Caching", "Cache-aside, invalidation, the thundering herd, client-side caching"),
    SESSIONS("Sessions", "Player sessions as a Hash and as a JSON document"),
    AI("AI", "Semantic caching with vector search"),
    MESSAGING("Messaging", "In-game chat with Pub/Sub"),
    PROBABILISTIC("Probabilistic", "HyperLogLog and Bloom filters"),
    GEO("Geo", "Location queries in a virtual world"),
    RATE_LIMITING("Rate limiting", "Lua scripts: counters and token buckets");

    private final String title;
    private final String summary;

    ConceptGroup(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    /** 1 … 7 for the talk's groups (Ctrl+digit), 0 for the Server view. */
    public int shortcutDigit() {
        return ordinal();
    }
}
