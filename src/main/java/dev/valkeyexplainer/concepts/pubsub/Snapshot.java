package dev.valkeyexplainer.concepts.pubsub;

import java.util.List;
import java.util.Map;

/**
 * One reading of the chat's servers: the topology, the channel's slot, every node's counters and
 * the subscriptions the nodes report. Immutable; made off the FX thread and drawn on it.
 *
 * @param slot         {@code CLUSTER KEYSLOT} of the channel, or -1 on a standalone server
 * @param stats        per node address
 * @param numsub       {@code PUBSUB NUMSUB channel} per node (classic subscribers on that node)
 * @param shardnumsub  {@code PUBSUB SHARDNUMSUB channel} per node (shard subscribers on that node)
 */
public record Snapshot(Topology topology, String channel, int slot, Map<String, NodeStats> stats,
                       List<Subscription> subscriptions, Map<String, Long> numsub, Map<String, Long> shardnumsub) {

    public Snapshot {
        stats = Map.copyOf(stats);
        subscriptions = List.copyOf(subscriptions);
        numsub = Map.copyOf(numsub);
        shardnumsub = Map.copyOf(shardnumsub);
    }

    public NodeStats stats(String node) {
        return stats.getOrDefault(node, NodeStats.ZERO);
    }

    /** Where this player is subscribed, if anywhere. */
    public List<Subscription> of(String player) {
        return subscriptions.stream().filter(s -> s.player().equals(player)).toList();
    }
}
