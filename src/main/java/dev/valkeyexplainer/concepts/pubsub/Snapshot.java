package dev.valkeyexplainer.concepts.pubsub;

import java.util.List;

/**
 * One reading of the chat's servers: the topology, the channel's slot, and the subscriptions the
 * nodes report. Immutable; made off the FX thread and drawn on it.
 *
 * @param slot         {@code CLUSTER KEYSLOT} of the channel, or -1 on a standalone server
 * @param numsub       {@code PUBSUB NUMSUB channel}: classic subscribers (all nodes added up)
 * @param shardnumsub  {@code PUBSUB SHARDNUMSUB channel}: shard subscribers (all nodes added up)
 */
public record Snapshot(Topology topology, String channel, int slot, List<Subscription> subscriptions,
                       long numsub, long shardnumsub) {

    public Snapshot {
        subscriptions = List.copyOf(subscriptions);
    }

    /** The subscriptions the app's clients hold on one node ({@code CLIENT LIST} sub / ssub / psub added up). */
    public Subscription onNode(String node) {
        int sub = 0;
        int psub = 0;
        int ssub = 0;
        for (Subscription s : subscriptions) {
            if (!s.node().equals(node)) continue;
            sub += s.sub();
            psub += s.psub();
            ssub += s.ssub();
        }
        return new Subscription(node, "", sub, psub, ssub);
    }

    /** Where this player is subscribed, if anywhere. */
    public List<Subscription> of(String player) {
        return subscriptions.stream().filter(s -> s.player().equals(player)).toList();
    }
}
