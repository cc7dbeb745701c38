package dev.valkeyexplainer.concepts.pubsub;

/** The tab's explanations that more than one class shows. */
final class ChatTexts {

    private ChatTexts() {
    }

    static final String NEEDS_CLUSTER = "Sharded Pub/Sub needs a cluster. A shard channel hashes to a slot like a key,"
            + " and SPUBLISH goes only to the shard that owns the slot; a standalone server is one shard, so SPUBLISH there"
            + " behaves like PUBLISH, and Glide's standalone client has no SHARDED subscriptions (SSUBSCRIBE exists only on"
            + " GlideClusterClient). Connect to a cluster, or start the app's local one.";

    static final String NO_SLOT_MOVES = "Slots are moved only on the app's own local cluster, never on a server you"
            + " connected to.";

    static final String AT_MOST_ONCE = "Pub/Sub delivers at most once: the server relays a message to the clients"
            + " subscribed at that moment and keeps nothing. A player who was away never gets what was said meanwhile."
            + " When messages must survive a disconnect, use a Stream (XADD, then XREAD or a consumer group from the last"
            + " ID seen).";

    static final String PATTERNS = "Classic Pub/Sub has patterns: PSUBSCRIBE vx:chat:* hears every classic chat"
            + " channel, because every node gets every classic message. Sharded Pub/Sub has no pattern form: a pattern"
            + " cannot name one slot, so there is no PSSUBSCRIBE. Note too that a shard channel and a classic channel of the"
            + " same name are different channels: SPUBLISH reaches neither SUBSCRIBE nor PSUBSCRIBE.";
}
