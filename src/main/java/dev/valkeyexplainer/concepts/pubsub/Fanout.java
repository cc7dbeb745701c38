package dev.valkeyexplainer.concepts.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What publishing did on the cluster bus, measured: the difference of every node's counters read
 * before and after ({@link NodeStats}). The node that executed the command is the one whose
 * {@code cmdstat_(s)publish} calls grew; the nodes the message reached over the bus are those whose
 * {@code publish_received} (classic) or {@code publishshard_received} (sharded) grew.
 *
 * <p>Classic PUBLISH is broadcast to every other node (Valkey {@code clusterPropagatePublish}:
 * {@code clusterBroadcastMessage}), so that any subscriber anywhere gets it; SPUBLISH goes only to the
 * other nodes of the shard that owns the channel's slot.
 *
 * @param publishes         how many messages were published between the two readings
 * @param entry             the node that executed the (S)PUBLISH, or "" when no counter moved
 * @param deltas            every node's counters after minus before
 * @param reportedReceivers the (S)PUBLISH replies added up: subscribers on the node that executed it
 * @param busMessageBytes   one bus message's size (see {@link #busMessageBytes(String, String)})
 */
public record Fanout(boolean sharded, int publishes, String entry, Map<String, NodeStats> deltas, long reportedReceivers,
                     int busMessageBytes) {

    /** Valkey 8's light bus header for publish messages ({@code src/cluster_legacy.h}, {@code clusterMsgLight}). */
    static final int LIGHT_HEADER_BYTES = 16;
    /** {@code clusterMsgDataPublish} without its 8 placeholder bytes: the two 32-bit lengths. */
    static final int PUBLISH_LENGTHS_BYTES = 8;

    public Fanout {
        deltas = Map.copyOf(deltas);
    }

    /**
     * The counters' differences, node by node.
     *
     * @param before readings per node address before publishing
     * @param after  readings per node address after
     */
    public static Fanout measure(boolean sharded, int publishes, Map<String, NodeStats> before, Map<String, NodeStats> after,
                                 long reportedReceivers, int busMessageBytes) {
        Map<String, NodeStats> deltas = new LinkedHashMap<>();
        after.forEach((node, a) -> deltas.put(node, a.minus(before.getOrDefault(node, a))));
        String entry = deltas.entrySet().stream().filter(e -> e.getValue().calls(sharded) > 0)
                .max(Comparator.comparingLong(e -> e.getValue().calls(sharded))).map(Map.Entry::getKey).orElse("");
        return new Fanout(sharded, publishes, entry, deltas, reportedReceivers, busMessageBytes);
    }

    /**
     * The size of one bus message carrying a publish: 16-byte light header + two 4-byte lengths +
     * channel + message ({@code clusterCreatePublishMsgBlock} in Valkey's {@code src/cluster_legacy.c};
     * nodes without light-header support get the full 2,256-byte header instead).
     */
    public static int busMessageBytes(String channel, String message) {
        return LIGHT_HEADER_BYTES + PUBLISH_LENGTHS_BYTES + channel.getBytes(StandardCharsets.UTF_8).length
                + message.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bus messages of the published kind received by all nodes together. */
    public long busMessages() {
        return deltas.values().stream().mapToLong(d -> d.received(sharded)).sum();
    }

    /** Bus messages of the other kind (classic when sharded was published, and the reverse): should be 0. */
    public long otherKindMessages() {
        return deltas.values().stream().mapToLong(d -> d.received(!sharded)).sum();
    }

    public double busMessagesPerPublish() {
        return publishes == 0 ? 0 : busMessages() / (double) publishes;
    }

    /** The nodes the message reached over the bus, in address order. */
    public List<String> reached() {
        return deltas.entrySet().stream().filter(e -> e.getValue().received(sharded) > 0).map(Map.Entry::getKey).sorted().toList();
    }

    /** Bytes on the bus: measured when the server counts them, else messages × {@link #busMessageBytes}. */
    public long busBytes() {
        long measured = measuredBytes();
        return measured >= 0 ? measured : busMessages() * busMessageBytes;
    }

    /** The bytes the servers counted ({@code cluster_stats_pubsub_bytes_sent}), or -1 when they do not count them. */
    public long measuredBytes() {
        if (deltas.values().stream().anyMatch(d -> d.pubsubBytesSent() < 0)) return -1;
        return deltas.values().stream().mapToLong(NodeStats::pubsubBytesSent).sum();
    }

    /** True when the servers counted the sent messages too (Valkey 8.0.3+): then sent must equal received. */
    public boolean sentCounted() {
        return deltas.values().stream().anyMatch(d -> d.sent(sharded) > 0);
    }
}
