package dev.valkeyexplainer.concepts.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.JournalEntry;
import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat against the app's own 3-shard cluster (3 primaries, 3 replicas): where messages go, as the
 * nodes' own counters say, and what subscribers get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PubsubIT {

    private ManagedValkeyCluster cluster;
    private TestValkey sandbox;
    private ExecutorService fx;
    private ChatRoom room;
    private ChatExperiments experiments;

    @BeforeAll
    void start() throws Exception {
        cluster = ManagedValkeyCluster.start();
        sandbox = new TestValkey(); // the gateway on a sandbox server: the chat goes to the app's own cluster
        fx = Executors.newSingleThreadExecutor();
        room = new ChatRoom(sandbox.gateway, fx, Executors.newCachedThreadPool(),
                () -> CompletableFuture.completedFuture(cluster), PubsubConcept.ID, new RecordingListener());
        experiments = new ChatExperiments(room);
        onFx(room::ready);
    }

    @AfterAll
    void stop() throws Exception {
        if (room != null) fx.submit(room::close).get(10, TimeUnit.SECONDS);
        if (fx != null) fx.shutdown();
        if (sandbox != null) sandbox.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void aShardedMessageReachesTheSubscribersAndStaysInsideTheOwningShard() throws Exception {
        onFx(() -> room.switchMode(ChatMode.SHARDED));
        Sent s = onFx(() -> room.say("alice", "Hello, shadow dragons"));
        assertEquals(Set.of("alice", "bob"), s.deliveredTo(), "both subscribers got it");
        assertEquals(2, s.receivers(), "SPUBLISH counted both subscribers on the owning primary");
        Topology t = topology();
        Topology.Shard owner = t.owner(room.slot()).orElseThrow();
        Fanout f = s.fanout();
        assertEquals(owner.primary().address(), f.entry(), "the owning primary executed SPUBLISH");
        assertEquals(owner.replicas().size(), f.busMessages(), "one publishshard message per replica of the shard");
        assertEquals(owner.replicas().stream().map(Topology.Node::address).sorted().toList(), f.reached());
        assertEquals(0, f.otherKindMessages(), "no classic publish message anywhere");
        for (Topology.Node n : t.nodes()) {
            if (owner.nodes().contains(n)) continue;
            assertEquals(0, f.deltas().get(n.address()).publishReceived() + f.deltas().get(n.address()).shardReceived(),
                    "nothing reached " + n.address() + " outside the shard");
        }
    }

    @Test
    void aClassicMessageGoesToEveryOtherNode() throws Exception {
        onFx(() -> room.switchMode(ChatMode.CLASSIC));
        Sent s = onFx(() -> room.say("bob", "Classic hello"));
        assertEquals(Set.of("alice", "bob"), s.deliveredTo());
        Fanout f = s.fanout();
        List<String> others = topology().nodes().stream().map(Topology.Node::address).filter(a -> !a.equals(f.entry())).sorted().toList();
        assertFalse(f.entry().isEmpty(), "a node executed PUBLISH");
        assertEquals(5, others.size());
        assertEquals(others, f.reached(), "publish_received on every other node");
        assertEquals(others.size(), f.busMessages());
        assertEquals(0, f.otherKindMessages());
        onFx(() -> room.switchMode(ChatMode.SHARDED));
    }

    @Test
    void theBurstMeasuresNodesMinusOneForClassicAndTheShardForSharded() throws Exception {
        FanoutCost cost = onFx(() -> experiments.burst(20));
        assertEquals(20, cost.classic().publishes());
        assertEquals(5.0, cost.classic().busMessagesPerPublish(), 1e-9, "classic: nodes - 1");
        assertEquals(1.0, cost.sharded().busMessagesPerPublish(), 1e-9, "sharded: the one replica of the shard");
        List<FanoutCost.Row> rows = cost.rows(3, 10, 100);
        assertEquals(3, rows.size(), "measured (3 shards), projected 10 and 100");
        assertTrue(rows.get(0).measured());
        assertEquals(199.0, rows.get(2).classicMessages(), 1e-9, "100 shards of 2 nodes: 199 other nodes");
        assertEquals(1.0, rows.get(2).shardedMessages(), 1e-9, "sharded does not grow with the shards");
        assertTrue(rows.get(2).classicBytes() > rows.get(0).classicBytes(), "more nodes, more bytes");
    }

    @Test
    void aPlayerWhoWasAwayNeverGetsWhatWasSaid() throws Exception {
        ChatExperiments.AtMostOnce r = onFx(experiments::atMostOnce);
        assertFalse(r.missed().expected().contains("bob"));
        assertFalse(r.missed().deliveredTo().contains("bob"));
        assertFalse(r.bobGotMissed(), "Valkey kept nothing for Bob");
        assertTrue(r.after().deliveredTo().contains("bob"), "back online, Bob gets the next message");
    }

    @Test
    void aClassicPatternHearsPublishButShardedHasNoPatternForm() throws Exception {
        ChatExperiments.PatternResult r = onFx(experiments::patterns);
        assertTrue(r.classic().deliveredTo().contains(ChatRoom.GUILD_LOG), "PSUBSCRIBE vx:chat:* heard the PUBLISH");
        assertFalse(r.sharded().deliveredTo().contains(ChatRoom.GUILD_LOG), "no pattern hears SPUBLISH");
        assertTrue(r.sharded().deliveredTo().containsAll(Set.of("alice", "bob")));
        assertTrue(r.serverAnswer().toLowerCase().contains("unknown command"), r.serverAnswer());
        onFx(() -> room.leave(ChatRoom.GUILD_LOG));
    }

    @Test
    void afterTheSlotMovesTheSubscribersGetTheNextMessage() throws Exception {
        ChatExperiments.SlotMoveResult r = onFx(experiments::moveSlot);
        assertNotEquals(r.migration().from().primary(), r.migration().to().primary());
        Topology after = topology();
        assertEquals(r.migration().to().primary().address(), after.owner(r.migration().slot()).orElseThrow().primary().address(),
                "CLUSTER SHARDS shows the new owner");
        assertEquals(2, r.resubscribed().size());
        for (SlotMove.Resubscribe s : r.resubscribed()) {
            assertTrue(s.droppedMs() >= 0, s + ": the old owner's sunsubscribe was seen in Glide's actual subscriptions");
            assertTrue(s.backMs() > s.droppedMs(), s + " came back");
            assertFalse(s.explicit(), s + ": Glide re-subscribed by itself");
        }
        assertFalse(r.during().deliveredTo().containsAll(Set.of("alice", "bob")), "the message sent in between was lost");
        assertTrue(r.after().deliveredTo().containsAll(Set.of("alice", "bob")), "after the move: " + r.after().deliveredTo());
        assertEquals(r.migration().to().primary().address(), r.after().fanout().entry(), "the new owner executed SPUBLISH");
        JournalEntry importing = sandbox.journal.snapshot().stream()
                .filter(e -> e.commandText().startsWith("CLUSTER SETSLOT " + r.migration().slot() + " IMPORTING")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(importing.cliLine().contains("-p " + r.migration().to().primary().port() + " "),
                "the row names the node it ran on: " + importing.cliLine());
    }

    @Test
    void everyCommandIsJournaledUnderTheTabAndThePasswordNowhere() throws Exception {
        onFx(() -> room.say("alice", "journal check"));
        List<JournalEntry> rows = sandbox.journal.snapshot().stream().filter(e -> e.conceptId().equals(PubsubConcept.ID)).toList();
        assertTrue(rows.stream().anyMatch(e -> e.connection().equals("chat-alice") && e.commandText().startsWith("SPUBLISH ")));
        assertTrue(rows.stream().anyMatch(e -> e.connection().equals("chat-bob") && e.commandText().startsWith("SSUBSCRIBE ")));
        assertTrue(rows.stream().anyMatch(e -> e.connection().equals("observer") && e.commandText().equals("CLUSTER INFO")));
        String password = cluster.target().password();
        for (JournalEntry e : rows) {
            String all = e.commandText() + e.cliLine() + e.reply() + e.glideJava() + e.glidePython();
            assertFalse(all.contains(password), "password in " + e.commandText());
        }
    }

    private Topology topology() throws Exception {
        return onFx(room::refreshTopology);
    }

    private <T> T onFx(java.util.function.Supplier<CompletableFuture<T>> op) throws Exception {
        return fx.submit(op::get).get(10, TimeUnit.SECONDS).get(40, TimeUnit.SECONDS);
    }

    /** Keeps what the room reports (the tests read the futures' results; this shows the room talks). */
    private static final class RecordingListener implements ChatRoom.Listener {
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void status(String text, boolean error) {
            events.add((error ? "error: " : "status: ") + text);
        }

        @Override
        public void backendChanged(ChatBackend backend) {
            events.add("backend: " + backend.kind());
        }

        @Override
        public void playersChanged(List<Player> players) {
            events.add("players: " + players.size());
        }

        @Override
        public void delivered(Player to, Player.Delivery d) {
            events.add("delivered to " + to.name());
        }

        @Override
        public void sent(Sent s) {
            events.add("sent by " + s.from());
        }

        @Override
        public void topology(Topology t, int slot) {
            events.add("topology: " + t.shards().size() + " shards, slot " + slot);
        }
    }
}
