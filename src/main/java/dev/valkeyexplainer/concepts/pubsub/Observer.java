package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.Commands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what the chat looks like on the servers, node by node, through its own journaled link:
 * the topology ({@code CLUSTER SHARDS}), the channel's slot ({@code CLUSTER KEYSLOT}), the counters
 * ({@code CLUSTER INFO}, {@code INFO commandstats}) and who is subscribed where ({@code CLIENT LIST
 * TYPE pubsub}, {@code PUBSUB NUMSUB}, {@code PUBSUB SHARDNUMSUB}). It only reads.
 */
final class Observer {

    private final Link link;
    private final String channel;
    private final String standaloneAddress;

    /** @param standaloneAddress {@code host:port} of a standalone server (its answers are filed under it) */
    Observer(Link link, String channel, String standaloneAddress) {
        this.link = link;
        this.channel = channel;
        this.standaloneAddress = standaloneAddress;
    }

    Link link() {
        return link;
    }

    CompletableFuture<Topology> topology() {
        if (!link.cluster()) return CompletableFuture.completedFuture(Topology.standalone(standaloneAddress));
        return link.send(Commands.read("CLUSTER", "SHARDS")).thenApply(Topology::parseShards);
    }

    /** The channel's hash slot as the server computes it (-1 on a standalone server, which has no slots). */
    CompletableFuture<Integer> slot() {
        if (!link.cluster()) return CompletableFuture.completedFuture(-1);
        return link.send(Commands.read("CLUSTER", "KEYSLOT", channel)).thenApply(v -> ((Number) v).intValue());
    }

    /** Every node's Pub/Sub counters. */
    CompletableFuture<Map<String, NodeStats>> stats() {
        CompletableFuture<Map<String, Object>> info = link.cluster()
                ? link.send(NodeCalls.everyNode(true, standaloneAddress, "CLUSTER", "INFO"))
                : CompletableFuture.completedFuture(Map.of());
        return info.thenCompose(ci -> link.send(NodeCalls.everyNode(link.cluster(), standaloneAddress, "INFO", "commandstats"))
                .thenApply(cs -> {
                    Map<String, NodeStats> out = new LinkedHashMap<>();
                    cs.forEach((node, text) -> out.put(node, NodeStats.parse(ci.containsKey(node) ? String.valueOf(ci.get(node)) : null,
                            String.valueOf(text))));
                    return out;
                }));
    }

    /** The subscriptions the nodes report for the app's chat clients. */
    CompletableFuture<List<Subscription>> subscriptions() {
        return link.send(NodeCalls.everyNode(link.cluster(), standaloneAddress, "CLIENT", "LIST", "TYPE", "pubsub"))
                .thenApply(perNode -> {
                    List<Subscription> out = new ArrayList<>();
                    perNode.forEach((node, text) -> out.addAll(Subscription.parse(node, String.valueOf(text))));
                    return out;
                });
    }

    /** {@code PUBSUB NUMSUB channel} (classic) or {@code PUBSUB SHARDNUMSUB channel} on every node. */
    CompletableFuture<Map<String, Long>> numsub(boolean shard) {
        return link.send(NodeCalls.everyNode(link.cluster(), standaloneAddress, "PUBSUB", shard ? "SHARDNUMSUB" : "NUMSUB", channel))
                .thenApply(perNode -> {
                    Map<String, Long> out = new HashMap<>();
                    perNode.forEach((node, reply) -> out.put(node, NodeCalls.count(reply, channel)));
                    return out;
                });
    }

    /** A full reading for the picture; {@code stats} are the latest counters the caller has. */
    CompletableFuture<Snapshot> read(Topology topology, int slot, Map<String, NodeStats> stats) {
        return subscriptions().thenCompose(subs -> numsub(false).thenCompose(classic -> numsub(true).thenApply(shard ->
                new Snapshot(topology, channel, slot, stats, subs, classic, shard))));
    }
}
