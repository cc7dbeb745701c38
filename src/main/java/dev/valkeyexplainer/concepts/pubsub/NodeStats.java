package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.InfoParser;
import java.util.Map;

/**
 * One node's Pub/Sub counters, read with {@code CLUSTER INFO} (cluster-bus messages by type, Valkey's
 * {@code src/cluster_legacy.c}, {@code clusterGenNodesDescription} / {@code genClusterInfoString}) and
 * {@code INFO commandstats} (how many PUBLISH / SPUBLISH the node itself executed). The fan-out of one
 * message is the difference of two readings.
 *
 * <p>Valkey 8.0.0-8.0.2 send PUBLISH and PUBLISHSHARD over the bus with a "light" header and do not
 * count them as sent (fixed by valkey-io/valkey#1563): the received counters are always right, so the
 * app measures the fan-out from those, and from the commandstats it knows which node took the command.
 *
 * @param publishReceived    {@code cluster_stats_messages_publish_received}: classic messages relayed to this node
 * @param publishSent        {@code cluster_stats_messages_publish_sent}
 * @param shardReceived      {@code cluster_stats_messages_publishshard_received}: sharded messages relayed to it
 * @param shardSent          {@code cluster_stats_messages_publishshard_sent}
 * @param publishCalls       {@code cmdstat_publish} calls: PUBLISH commands this node executed
 * @param spublishCalls      {@code cmdstat_spublish} calls
 * @param pubsubBytesSent    {@code cluster_stats_pubsub_bytes_sent} where the server has it (newer Valkey), else -1
 */
public record NodeStats(long publishReceived, long publishSent, long shardReceived, long shardSent, long publishCalls,
                        long spublishCalls, long pubsubBytesSent) {

    public static final NodeStats ZERO = new NodeStats(0, 0, 0, 0, 0, 0, -1);

    /** From a CLUSTER INFO text (null on a standalone server) and an INFO commandstats text. */
    public static NodeStats parse(String clusterInfo, String commandstats) {
        Map<String, String> c = InfoParser.fields(clusterInfo);
        Map<String, String> cmd = InfoParser.fields(commandstats);
        return new NodeStats(InfoParser.longField(c, "cluster_stats_messages_publish_received", 0),
                InfoParser.longField(c, "cluster_stats_messages_publish_sent", 0),
                InfoParser.longField(c, "cluster_stats_messages_publishshard_received", 0),
                InfoParser.longField(c, "cluster_stats_messages_publishshard_sent", 0),
                calls(cmd.get("cmdstat_publish")), calls(cmd.get("cmdstat_spublish")),
                InfoParser.longField(c, "cluster_stats_pubsub_bytes_sent", -1));
    }

    /** {@code calls=12,usec=...} → 12 */
    static long calls(String stat) {
        if (stat == null) return 0;
        for (String part : stat.split(",")) {
            if (part.startsWith("calls=")) return Long.parseLong(part.substring(6));
        }
        return 0;
    }

    /** This reading minus an earlier one: what happened in between. */
    public NodeStats minus(NodeStats before) {
        return new NodeStats(publishReceived - before.publishReceived, publishSent - before.publishSent,
                shardReceived - before.shardReceived, shardSent - before.shardSent, publishCalls - before.publishCalls,
                spublishCalls - before.spublishCalls,
                pubsubBytesSent < 0 || before.pubsubBytesSent < 0 ? -1 : pubsubBytesSent - before.pubsubBytesSent);
    }

    /** Bus messages of this kind the node received: classic publish or sharded publishshard. */
    public long received(boolean sharded) {
        return sharded ? shardReceived : publishReceived;
    }

    public long sent(boolean sharded) {
        return sharded ? shardSent : publishSent;
    }

    public long calls(boolean sharded) {
        return sharded ? spublishCalls : publishCalls;
    }
}
