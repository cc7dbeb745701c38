package dev.valkeyexplainer.concepts.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Pub/Sub tab's model without a server: parsing the servers' replies and the fan-out arithmetic. */
class PubsubModelTest {

    private static Map<String, Object> node(String id, int port, String role, String health) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("port", (long) port);
        m.put("ip", "127.0.0.1");
        m.put("endpoint", "127.0.0.1");
        m.put("role", role);
        m.put("replication-offset", 42L);
        m.put("health", health);
        return m;
    }

    private static Map<String, Object> shard(Object[] slots, Object... nodes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slots", slots);
        m.put("nodes", nodes);
        return m;
    }

    /** A CLUSTER SHARDS reply as Glide maps RESP3: shards out of slot order, one with two ranges. */
    static Object[] shardsReply() {
        return new Object[]{
                shard(new Object[]{10923L, 12951L, 12953L, 16383L}, node("c", 7003, "master", "online"), node("f", 7006, "replica", "online")),
                shard(new Object[]{0L, 5460L}, node("a", 7001, "master", "online"), node("d", 7004, "replica", "loading")),
                shard(new Object[]{5461L, 10922L, 12952L, 12952L}, node("e", 7005, "replica", "online"), node("b", 7002, "master", "online"))};
    }

    @Test
    void clusterShardsIsReadInSlotOrderWithPrimariesReplicasAndSplitRanges() {
        Topology t = Topology.parseShards(shardsReply());
        assertTrue(t.cluster());
        assertEquals(List.of("127.0.0.1:7001", "127.0.0.1:7002", "127.0.0.1:7003"),
                t.shards().stream().map(s -> s.primary().address()).toList());
        assertEquals(List.of(1, 2, 3), t.shards().stream().map(Topology.Shard::index).toList());
        Topology.Shard second = t.shards().get(1);
        assertEquals("5461-10922, 12952", second.slotText(), "a moved slot is its own range");
        assertEquals(5462 + 1, second.slotCount());
        assertEquals("127.0.0.1:7005", second.replicas().get(0).address(), "the replica listed before its primary");
        assertEquals("b", t.owner(12952).orElseThrow().primary().id());
        assertEquals("c", t.owner(12953).orElseThrow().primary().id());
        assertEquals("loading", t.node("127.0.0.1:7004").orElseThrow().health());
        assertEquals(6, t.nodes().size());
        assertEquals(1, t.replicasPerShard());
        assertEquals(2, t.shardOf("127.0.0.1:7006").orElseThrow().index() - 1);
        assertThrows(IllegalArgumentException.class, () -> Topology.parseShards("not shards"));
    }

    @Test
    void aStandaloneServerIsOneShardThatServesEverySlot() {
        Topology t = Topology.standalone("127.0.0.1:6379");
        assertFalse(t.cluster());
        assertEquals("127.0.0.1:6379", t.owner(12952).orElseThrow().primary().address());
        assertEquals(0, t.replicasPerShard());
    }

    @Test
    void countersComeFromClusterInfoAndCommandstatsAndAbsentOnesAreZero() {
        String clusterInfo = "cluster_state:ok\r\ncluster_stats_messages_ping_sent:20\r\n"
                + "cluster_stats_messages_publish_received:7\r\ncluster_stats_messages_publishshard_received:3\r\n";
        String commandstats = "# Commandstats\r\ncmdstat_publish:calls=4,usec=40,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_ping:calls=100,usec=1\r\n";
        NodeStats s = NodeStats.parse(clusterInfo, commandstats);
        assertEquals(new NodeStats(7, 0, 3, 0, 4, 0, -1), s);
        assertEquals(new NodeStats(0, 0, 0, 0, 4, 0, -1), NodeStats.parse(null, commandstats), "a standalone server");
        NodeStats later = new NodeStats(12, 0, 3, 0, 5, 2, -1);
        assertEquals(new NodeStats(5, 0, 0, 0, 1, 2, -1), later.minus(s));
        assertEquals(5, later.minus(s).received(false));
        assertEquals(2, later.minus(s).calls(true));
    }

    @Test
    void clientListGivesWhereEachChatClientIsSubscribed() {
        String list = "id=3 addr=127.0.0.1:5 name=vx-chat-alice db=0 sub=0 psub=0 ssub=1 multi=-1 cmd=ssubscribe\n"
                + "id=4 addr=127.0.0.1:6 name=vx-chat-bob db=0 sub=1 psub=0 ssub=0 cmd=subscribe\n"
                + "id=5 addr=127.0.0.1:7 name=vx-chat-carol db=0 sub=0 psub=0 ssub=0 cmd=ping\n"
                + "id=6 addr=127.0.0.1:8 name=someone-else db=0 sub=3 psub=0 ssub=0 cmd=subscribe\n";
        List<Subscription> subs = Subscription.parse("127.0.0.1:7003", list);
        assertEquals(List.of(new Subscription("127.0.0.1:7003", "alice", 0, 0, 1), new Subscription("127.0.0.1:7003", "bob", 1, 0, 0)), subs,
                "only the app's chat clients, and only where they hold a subscription");
    }

    @Test
    void theFanoutIsTheDifferenceOfEveryNodesCounters() {
        Map<String, NodeStats> before = Map.of("a", NodeStats.ZERO, "b", NodeStats.ZERO, "c", NodeStats.ZERO);
        Map<String, NodeStats> after = Map.of(
                "a", new NodeStats(0, 0, 0, 0, 1, 0, -1),
                "b", new NodeStats(1, 0, 0, 0, 0, 0, -1),
                "c", new NodeStats(1, 0, 0, 0, 0, 0, -1));
        String channel = "vx:chat:{shadow-dragons}";
        String message = "{\"sender\":\"alice\"}";
        Fanout f = Fanout.measure(false, 1, before, after, 2, Fanout.busMessageBytes(channel, message));
        assertEquals("a", f.entry());
        assertEquals(2, f.busMessages());
        assertEquals(List.of("b", "c"), f.reached());
        assertEquals(0, f.otherKindMessages());
        assertEquals(16 + 8 + channel.length() + message.length(), f.busMessageBytes(), "light header + lengths + payload");
        assertEquals(2L * f.busMessageBytes(), f.busBytes(), "computed when the servers do not count bytes");
        assertEquals(-1, f.measuredBytes());
        assertFalse(f.sentCounted());
        Map<String, NodeStats> counted = Map.of("a", new NodeStats(0, 2, 0, 0, 1, 0, 500), "b", new NodeStats(1, 0, 0, 0, 0, 0, 0));
        Fanout m = Fanout.measure(false, 1, Map.of("a", new NodeStats(0, 0, 0, 0, 0, 0, 0), "b", new NodeStats(0, 0, 0, 0, 0, 0, 0)),
                counted, 0, 100);
        assertEquals(500, m.busBytes(), "measured bytes win when the server counts them");
        assertTrue(m.sentCounted());
    }

    @Test
    void theSettledCheckNeedsSentCountersThatMatchTheReceivedOnes() {
        Map<String, NodeStats> before = Map.of("a", NodeStats.ZERO, "b", NodeStats.ZERO);
        assertFalse(BusSettle.balanced(before, Map.of("a", NodeStats.ZERO, "b", new NodeStats(1, 0, 0, 0, 0, 0, -1))),
                "Valkey 8.0.1 counts no sent messages: never balanced, the quiet period decides");
        assertFalse(BusSettle.balanced(before, Map.of("a", new NodeStats(0, 2, 0, 0, 1, 0, -1), "b", new NodeStats(1, 0, 0, 0, 0, 0, -1))));
        assertTrue(BusSettle.balanced(before, Map.of("a", new NodeStats(0, 1, 0, 0, 1, 0, -1), "b", new NodeStats(1, 0, 0, 0, 0, 0, -1))));
    }

    @Test
    void theProjectionScalesClassicWithTheNodesAndShardedWithTheShardOnly() {
        Fanout classic = new Fanout(false, 10, "a", Map.of("b", new NodeStats(10, 0, 0, 0, 0, 0, -1),
                "c", new NodeStats(10, 0, 0, 0, 0, 0, -1), "d", new NodeStats(10, 0, 0, 0, 0, 0, -1),
                "e", new NodeStats(10, 0, 0, 0, 0, 0, -1), "f", new NodeStats(10, 0, 0, 0, 0, 0, -1)), 0, 100);
        Fanout sharded = new Fanout(true, 10, "a", Map.of("d", new NodeStats(0, 0, 10, 0, 0, 0, -1)), 0, 100);
        FanoutCost cost = new FanoutCost(3, 1, classic, sharded);
        assertEquals(6, cost.nodes());
        List<FanoutCost.Row> rows = cost.rows(3, 10, 100);
        assertEquals(3, rows.size(), "the measured shard count is not projected again");
        assertEquals(new FanoutCost.Row(3, 6, 5, 1, 500, 100, true), rows.get(0));
        assertEquals(new FanoutCost.Row(10, 20, 19, 1, 1900, 100, false), rows.get(1));
        assertEquals(new FanoutCost.Row(100, 200, 199, 1, 19900, 100, false), rows.get(2));
        assertEquals(199, rows.get(2).ratio(), 1e-9);
    }

    @Test
    void chatMessagesAreTheTalksJsonAndForeignPayloadsAreRecognised() {
        ChatMessage m = new ChatMessage("alice", "Hello \"dragons\"", Instant.parse("2025-01-01T10:00:00Z"));
        assertEquals("{\"sender\":\"alice\",\"text\":\"Hello \\\"dragons\\\"\",\"time\":\"2025-01-01T10:00:00Z\"}", m.toJson());
        assertEquals(m, ChatMessage.parse(m.toJson()).orElseThrow());
        assertTrue(ChatMessage.parse("just text").isEmpty());
        assertTrue(ChatMessage.parse("{\"text\":\"no sender\"}").isEmpty());
        assertEquals("Type a message first.", ChatMessage.problem("  ").orElseThrow());
        assertTrue(ChatMessage.problem("x".repeat(201)).isPresent());
        assertTrue(ChatMessage.problem("hi").isEmpty());
    }
}
