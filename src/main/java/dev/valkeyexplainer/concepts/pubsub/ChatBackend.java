package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.ClientHandle;
import dev.valkeyexplainer.valkey.ClientOptions;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.GlideClusterClient;
import glide.api.models.configuration.BaseSubscriptionConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where the chat runs, and how its clients connect there:
 * <ul>
 *   <li>{@link Kind#OWN_CLUSTER}: the app's own local cluster ({@link ManagedValkeyCluster}), when the
 *       app runs on its sandbox server. The players' clients are Glide cluster clients the gateway does
 *       not know, so their links journal themselves.</li>
 *   <li>{@link Kind#USER_CLUSTER}: the cluster the app was connected to ({@code --connect}); its
 *       topology is only read, and the app only publishes and subscribes on channels in its namespace.</li>
 *   <li>{@link Kind#STANDALONE}: a standalone server: classic Pub/Sub works; sharded needs a cluster.</li>
 * </ul>
 */
final class ChatBackend implements AutoCloseable {

    enum Kind {
        OWN_CLUSTER("the app's own local cluster"),
        USER_CLUSTER("the cluster you connected to"),
        STANDALONE("the standalone server you connected to");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;
    private final ValkeyGateway gateway;
    private final String conceptId;
    private final Executor blocking;
    private final ManagedValkeyCluster cluster;
    private final Observer observer;

    private ChatBackend(Kind kind, ValkeyGateway gateway, String conceptId, Executor blocking, ManagedValkeyCluster cluster,
                        Observer observer) {
        this.kind = kind;
        this.gateway = gateway;
        this.conceptId = conceptId;
        this.blocking = blocking;
        this.cluster = cluster;
        this.observer = observer;
    }

    /**
     * Which backend fits the gateway's connection: its cluster if it is one, the app's own cluster when
     * the gateway is on the app's sandbox server (or when asked), else the standalone server.
     */
    static Kind choose(ConnectionStatus s, boolean ownClusterAsked) {
        if ("cluster".equals(s.mode()) && !s.sandbox()) return Kind.USER_CLUSTER;
        if (s.sandbox() || ownClusterAsked) return Kind.OWN_CLUSTER;
        return Kind.STANDALONE;
    }

    /**
     * Opens the backend that fits (see {@link #choose}); the app's own cluster is started through
     * {@code ownCluster} the first time (a few seconds, on the blocking executor), with a note first.
     */
    static CompletableFuture<ChatBackend> open(ValkeyGateway gateway, boolean ownClusterAsked,
                                               java.util.function.Supplier<CompletableFuture<ManagedValkeyCluster>> ownCluster,
                                               String conceptId, Executor blocking, String channel,
                                               java.util.function.Consumer<String> progress) {
        Kind kind = choose(gateway.status(), ownClusterAsked);
        if (kind == Kind.OWN_CLUSTER) {
            progress.accept("Starting the app's local cluster (3 primaries, 3 replicas) for this tab…");
            return ownCluster.get().thenCompose(c -> onOwnCluster(c, gateway, conceptId, blocking, channel));
        }
        if (!gateway.status().connected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Not connected: " + gateway.status().message()));
        }
        return CompletableFuture.completedFuture(onGateway(gateway, conceptId, blocking, channel));
    }

    /** A backend on the gateway's server (its cluster or its standalone server). */
    static ChatBackend onGateway(ValkeyGateway gateway, String conceptId, Executor blocking, String channel) {
        boolean cluster = "cluster".equals(gateway.status().mode());
        ConnectionTarget t = gateway.target();
        Link link = Link.of(gateway.scope(conceptId, "observer"), cluster);
        return new ChatBackend(cluster ? Kind.USER_CLUSTER : Kind.STANDALONE, gateway, conceptId, blocking, null,
                new Observer(link, channel, t.host() + ":" + t.port()));
    }

    /** A backend on the app's own cluster, with an observer client of its own. */
    static CompletableFuture<ChatBackend> onOwnCluster(ManagedValkeyCluster cluster, ValkeyGateway gateway, String conceptId,
                                                       Executor blocking, String channel) {
        return openOwn(cluster, gateway, conceptId, blocking, "observer", null).thenApply(link -> new ChatBackend(
                Kind.OWN_CLUSTER, gateway, conceptId, blocking, cluster, new Observer(link, channel,
                cluster.target().host() + ":" + cluster.target().port())));
    }

    private static CompletableFuture<Link> openOwn(ManagedValkeyCluster cluster, ValkeyGateway gateway, String conceptId,
                                                  Executor blocking, String connection,
                                                  BaseSubscriptionConfiguration.MessageCallback callback) {
        ConnectionTarget t = cluster.target();
        var cfg = GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(t.host()).port(t.port()).build())
                .credentials(ServerCredentials.builder().password(t.password()).build())
                .clientName("vx-" + connection).requestTimeout(2_000).protocol(ProtocolVersion.RESP3);
        if (callback != null) cfg.subscriptionConfiguration(ClusterSubscriptionConfiguration.builder().callback(callback).build());
        return CompletableFuture.supplyAsync(() -> GlideClusterClient.createClient(cfg.build()), blocking)
                .thenCompose(f -> f)
                .thenApply(c -> new Link.Journaled(new ClientHandle(c), gateway.journal(), t, conceptId, connection));
    }

    /** A new client for this player, with the player's callback for its subscriptions. */
    CompletableFuture<Link> openPlayer(Player p) {
        if (kind == Kind.OWN_CLUSTER) return openOwn(cluster, gateway, conceptId, blocking, p.connection(), p.callback());
        boolean isCluster = kind == Kind.USER_CLUSTER;
        ClientOptions options = ClientOptions.DEFAULT.withSubscriptions(
                isCluster ? null : StandaloneSubscriptionConfiguration.builder().callback(p.callback()).build(),
                isCluster ? ClusterSubscriptionConfiguration.builder().callback(p.callback()).build() : null);
        return gateway.openClient(conceptId, p.connection(), options).thenApply(d -> Link.of(d, isCluster));
    }

    Kind kind() {
        return kind;
    }

    Observer observer() {
        return observer;
    }

    /** Sharded Pub/Sub needs a cluster client and slots: not on a standalone server. */
    boolean sharded() {
        return kind != Kind.STANDALONE;
    }

    /** Slots may be moved only on the app's own cluster, never on a user's. */
    boolean canMoveSlots() {
        return kind == Kind.OWN_CLUSTER;
    }

    /** One sentence for the panel: where the chat runs. */
    String describe() {
        return switch (kind) {
            case OWN_CLUSTER -> String.format(java.util.Locale.ROOT, "Chat runs on %s: %d primaries + %d replicas on"
                            + " 127.0.0.1, started for this tab in %.1f s.", kind.label,
                    cluster.nodes().stream().filter(ManagedValkeyCluster.Node::primary).count(),
                    cluster.nodes().stream().filter(n -> !n.primary()).count(), cluster.startMillis() / 1000.0);
            case USER_CLUSTER -> "Chat runs on " + kind.label + " (" + gateway.target().redacted()
                    + "): its topology is only read; the app publishes and subscribes only under " + gateway.namespace().prefix() + ".";
            case STANDALONE -> "Chat runs on " + kind.label + " (" + gateway.target().redacted() + "): classic Pub/Sub only.";
        };
    }

    /** Closes the observer's own client (the players' clients are closed by their owner). */
    @Override
    public void close() {
        if (kind == Kind.OWN_CLUSTER) observer.link().close();
    }
}
