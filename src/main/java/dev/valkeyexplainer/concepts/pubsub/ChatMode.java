package dev.valkeyexplainer.concepts.pubsub;

/**
 * The three ways to listen: a shard channel (SSUBSCRIBE, lives on the shard that owns the channel's
 * slot), a classic channel (SUBSCRIBE, any node: every node gets every message), or a pattern
 * (PSUBSCRIBE, classic only: sharded Pub/Sub has no pattern form).
 */
public enum ChatMode {
    SHARDED("Sharded", "SSUBSCRIBE", "SUNSUBSCRIBE", "SPUBLISH"),
    CLASSIC("Classic", "SUBSCRIBE", "UNSUBSCRIBE", "PUBLISH"),
    PATTERN("Pattern", "PSUBSCRIBE", "PUNSUBSCRIBE", "PUBLISH");

    private final String label;
    private final String subscribe;
    private final String unsubscribe;
    private final String publish;

    ChatMode(String label, String subscribe, String unsubscribe, String publish) {
        this.label = label;
        this.subscribe = subscribe;
        this.unsubscribe = unsubscribe;
        this.publish = publish;
    }

    public String label() {
        return label;
    }

    public String subscribeCommand() {
        return subscribe;
    }

    public String unsubscribeCommand() {
        return unsubscribe;
    }

    public String publishCommand() {
        return publish;
    }

    public boolean sharded() {
        return this == SHARDED;
    }
}
