package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayList;
import java.util.List;

/**
 * The burst's result: cluster-bus messages per publish, measured both ways on this cluster, and what
 * they would be on bigger clusters of the same shape. The projection is arithmetic on the measurement,
 * not a measurement: classic fans out to every other node, so its measured cost per other node is
 * multiplied by (nodes − 1) of the bigger cluster; sharded stays in the shard, so its cost per replica
 * is multiplied by the replicas of one shard, whatever the number of shards.
 *
 * @param shards           shards of the measured cluster
 * @param replicasPerShard replicas of each shard
 */
public record FanoutCost(int shards, int replicasPerShard, Fanout classic, Fanout sharded) {

    /** One row of the table: per publish, at {@code shards} shards. */
    public record Row(int shards, int nodes, double classicMessages, double shardedMessages, double classicBytes,
                      double shardedBytes, boolean measured) {
        /** How many times more bus traffic classic makes than sharded (infinite when sharded makes none). */
        public double ratio() {
            return shardedMessages == 0 ? Double.POSITIVE_INFINITY : classicMessages / shardedMessages;
        }
    }

    public int nodes() {
        return shards * (1 + replicasPerShard);
    }

    /** The measured row first, then one projected row per shard count that differs from the measured one. */
    public List<Row> rows(int... projectedShards) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(shards, true));
        for (int s : projectedShards) if (s != shards) rows.add(row(s, false));
        return rows;
    }

    private Row row(int s, boolean measured) {
        int n = s * (1 + replicasPerShard);
        double classicPerOtherNode = nodes() <= 1 ? 0 : classic.busMessagesPerPublish() / (nodes() - 1);
        double shardedPerReplica = replicasPerShard == 0 ? 0 : sharded.busMessagesPerPublish() / replicasPerShard;
        double c = measured ? classic.busMessagesPerPublish() : classicPerOtherNode * (n - 1);
        double sh = measured ? sharded.busMessagesPerPublish() : shardedPerReplica * replicasPerShard;
        return new Row(s, n, c, sh, c * bytesPerMessage(classic), sh * bytesPerMessage(sharded), measured);
    }

    private static double bytesPerMessage(Fanout f) {
        return f.busMessages() == 0 ? f.busMessageBytes() : f.busBytes() / (double) f.busMessages();
    }
}
