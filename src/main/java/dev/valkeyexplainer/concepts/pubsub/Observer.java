package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.Commands;
import java.util.ArrayList;
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

    /**
     * {@code PUBSUB NUMSUB channel} (classic) or {@code PUBSUB SHARDNUMSUB channel}: subscribers of the
     * channel. On a cluster, Glide sends it to every node and adds their answers up (the command's
     * response policy), so this is the cluster-wide count; per node, {@link #subscriptions()} says more.
     */
    CompletableFuture<Long> numsub(boolean shard) {
        String[] args = {"PUBSUB", shard ? "SHARDNUMSUB" : "NUMSUB", channel};
        if (!link.cluster()) return link.send(Commands.read(args)).thenApply(r -> NodeCalls.count(r, channel));
        return link.send(new dev.valkeyexplainer.valkey.ValkeyCall<>(List.of(args), List.of(),
                "clusterClient.customCommand(" + dev.valkeyexplainer.valkey.JournalFormat.javaArray(List.of(args))
                        + ",\n    SimpleMultiNodeRoute.ALL_NODES) // Glide adds the nodes' answers up",
                h -> ((glide.api.GlideClusterClient) h.glide()).customCommand(args,
                        glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_NODES)
                        .thenApply(v -> NodeCalls.count(v.hasMultiData() ? v.getMultiValue() : v.getSingleValue(), channel))));
    }

    /** A reading of who listens where, for the picture. */
    CompletableFuture<Snapshot> read(Topology topology, int slot) {
        return subscriptions().thenCompose(subs -> numsub(false).thenCompose(classic -> numsub(true).thenApply(shard ->
                new Snapshot(topology, channel, slot, subs, classic, shard))));
    }
}
