package dev.valkeyexplainer.concepts.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.testutil.LocalCluster;
import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat with {@code --connect}: on the user's cluster (sharded works, its slots are never moved)
 * and on a standalone server (classic only, sharded says why it needs a cluster). The app's own
 * cluster is never started here.
 */
class PubsubConnectIT {

    private ExecutorService fx;
    private ExecutorService blocking;
    private ValkeyGateway gateway;
    private ChatRoom room;
    private boolean ownClusterAsked;
    private dev.valkeyexplainer.valkey.ManagedValkeyCluster ownCluster;

    @BeforeEach
    void executors() {
        fx = Executors.newSingleThreadExecutor();
        blocking = Executors.newCachedThreadPool();
        gateway = new ValkeyGateway(Namespace.DEFAULT, new CommandJournal());
        Supplier<CompletableFuture<dev.valkeyexplainer.valkey.ManagedValkeyCluster>> own = () -> {
            ownClusterAsked = true;
            return ownCluster != null ? CompletableFuture.completedFuture(ownCluster)
                    : CompletableFuture.failedFuture(new AssertionError("the app's own cluster must not start"));
        };
        room = new ChatRoom(gateway, fx, blocking, own, PubsubConcept.ID, new Quiet());
    }

    @AfterEach
    void close() throws Exception {
        fx.submit(room::close).get(10, TimeUnit.SECONDS);
        gateway.close();
        if (ownCluster != null) ownCluster.close();
        fx.shutdown();
        blocking.shutdown();
    }

    @Test
    void onTheUsersClusterShardedWorksAndItsSlotsAreNeverMoved() throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            assertTrue(gateway.connect(cluster.target()).get(30, TimeUnit.SECONDS).connected());
            onFx(room::ready);
            assertEquals(ChatBackend.Kind.USER_CLUSTER, room.backend().orElseThrow().kind());
            Sent s = onFx(() -> room.say("alice", "on your cluster"));
            assertEquals(Set.of("alice", "bob"), s.deliveredTo());
            assertEquals(0, s.fanout().busMessages(), "3 primaries without replicas: SPUBLISH stays on one node");
            onFx(() -> room.switchMode(ChatMode.CLASSIC));
            Sent c = onFx(() -> room.say("bob", "classic on your cluster"));
            assertEquals(2, c.fanout().busMessages(), "classic: the two other primaries");
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> onFx(() -> new ChatExperiments(room).moveSlot()));
            assertEquals(ChatTexts.NO_SLOT_MOVES, JournalFormat.errorMessage(refused));
            assertFalse(ownClusterAsked);
        }
    }

    @Test
    void onAStandaloneServerClassicWorksAndShardedSaysItNeedsACluster() throws Exception {
        try (ManagedValkeyServer server = ManagedValkeyServer.start()) {
            ConnectionTarget user = ConnectionTarget.parse("valkey://default:" + server.target().password() + "@127.0.0.1:" + server.port());
            assertTrue(gateway.connect(user).get(30, TimeUnit.SECONDS).connected());
            onFx(room::ready);
            assertEquals(ChatBackend.Kind.STANDALONE, room.backend().orElseThrow().kind());
            assertEquals(ChatMode.CLASSIC, room.mode());
            Sent s = onFx(() -> room.say("alice", "hello from a standalone server"));
            assertEquals(Set.of("alice", "bob"), s.deliveredTo());
            assertEquals(2, s.receivers());
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> onFx(() -> room.switchMode(ChatMode.SHARDED)));
            assertEquals(ChatTexts.NEEDS_CLUSTER, JournalFormat.errorMessage(e));
            FanoutCost cost = onFx(() -> new ChatExperiments(room).burst(5));
            assertNull(cost.sharded(), "no sharded half on a standalone server");
            assertEquals(0, cost.classic().busMessages(), "one node: no cluster bus");
            List<String> connections = gateway.journal().snapshot().stream().map(r -> r.connection()).distinct().toList();
            assertTrue(connections.containsAll(List.of("chat-alice", "chat-bob", "observer")), connections.toString());
            assertFalse(ownClusterAsked);
        }
    }

    @Test
    void fromAStandaloneServerTheChatCanMoveToTheAppsOwnClusterForTheShardedHalf() throws Exception {
        try (ManagedValkeyServer server = ManagedValkeyServer.start()) {
            ConnectionTarget user = ConnectionTarget.parse("valkey://default:" + server.target().password() + "@127.0.0.1:" + server.port());
            assertTrue(gateway.connect(user).get(30, TimeUnit.SECONDS).connected());
            onFx(room::ready);
            assertEquals(ChatBackend.Kind.STANDALONE, room.backend().orElseThrow().kind());
            ownCluster = dev.valkeyexplainer.valkey.ManagedValkeyCluster.start();
            onFx(room::useOwnCluster);
            assertEquals(ChatBackend.Kind.OWN_CLUSTER, room.backend().orElseThrow().kind());
            assertEquals(ChatMode.SHARDED, room.mode());
            Sent s = onFx(() -> room.say("alice", "sharded after all"));
            assertEquals(Set.of("alice", "bob"), s.deliveredTo());
            assertEquals(1, s.fanout().busMessages(), "the owning shard's one replica");
        }
    }

    private <T> T onFx(Supplier<CompletableFuture<T>> op) throws Exception {
        return fx.submit(op::get).get(10, TimeUnit.SECONDS).get(40, TimeUnit.SECONDS);
    }

    /** The tests read the futures' results. */
    private static final class Quiet implements ChatRoom.Listener {
        private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void status(String text, boolean error) {
            seen.add(text);
        }

        @Override
        public void backendChanged(ChatBackend backend) {
            seen.add(backend.describe());
        }

        @Override
        public void playersChanged(List<Player> players) {
            seen.add("players " + players.size());
        }

        @Override
        public void delivered(Player to, Player.Delivery d) {
            seen.add("delivered");
        }

        @Override
        public void sent(Sent s) {
            seen.add("sent");
        }

        @Override
        public void topology(Topology t, int slot) {
            seen.add("topology");
        }
    }
}
