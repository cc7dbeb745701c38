package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The guild chat: the players, where they run ({@link ChatBackend}), how they listen
 * ({@link ChatMode}), and every publish measured on the nodes' counters ({@link Fanout}). No JavaFX
 * nodes: state lives on the {@code fx} executor (the FX thread in the app), results arrive through
 * the {@link Listener}. Operations run one after the other, so each message's counter deltas are its
 * own; every wait has a time limit, so an outage ends an operation with an error instead of hanging.
 */
final class ChatRoom {

    /** Told on the fx executor. */
    interface Listener {
        void status(String text, boolean error);

        void backendChanged(ChatBackend backend);

        void playersChanged(List<Player> players);

        void delivered(Player to, Player.Delivery d);

        void sent(Sent s);

        void topology(Topology t, int slot);
    }

    static final String GUILD_LOG = Guild.GUILD_LOG;
    /** How long a publish waits for the players' callbacks before it reports who got it. */
    static final long DELIVERY_WAIT_MS = 2_000;

    private final ValkeyGateway gateway;
    private final Executor fx;
    private final Executor blocking;
    private final Supplier<CompletableFuture<ManagedValkeyCluster>> ownCluster;
    private final String conceptId;
    private final String channel;
    private final Guild guild;
    private Listener listener;
    private ChatBackend backend;
    private CompletableFuture<Void> ready;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private ChatMode mode = ChatMode.SHARDED;
    private Topology topology;
    private int slot = -1;
    private int generation;
    private boolean ownClusterAsked;

    ChatRoom(ValkeyGateway gateway, Executor fx, Executor blocking, Supplier<CompletableFuture<ManagedValkeyCluster>> ownCluster,
             String conceptId, Listener listener) {
        this.gateway = gateway;
        this.fx = fx;
        this.blocking = blocking;
        this.ownCluster = ownCluster;
        this.conceptId = conceptId;
        this.listener = listener;
        Namespace ns = gateway.namespace();
        this.channel = ns.key("chat:{shadow-dragons}");
        this.guild = new Guild(fx, (p, d) -> this.listener.delivered(p, d));
    }

    // ------------------------------------------------------------------ names and state (fx executor)

    /** {@code vx:chat:{shadow-dragons}}: the hash tag makes the slot depend on "shadow-dragons" only. */
    String channel() {
        return channel;
    }

    /** A channel of the same slot that nobody listens to: a burst there measures the bus alone. */
    String burstChannel() {
        return channel + ":burst";
    }

    /** The guild log's pattern: every chat channel of the namespace. */
    String pattern() {
        return gateway.namespace().key("chat:*");
    }

    List<Player> players() {
        return guild.players();
    }

    Optional<Player> player(String name) {
        return guild.player(name);
    }

    Optional<ChatBackend> backend() {
        return Optional.ofNullable(backend);
    }

    ChatMode mode() {
        return mode;
    }

    Optional<Topology> topology() {
        return Optional.ofNullable(topology);
    }

    int slot() {
        return slot;
    }

    boolean isAway(String name) {
        return guild.isAway(name);
    }

    Executor fx() {
        return fx;
    }

    Executor blocking() {
        return blocking;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts the chat where it belongs (the app's cluster starts here the first time); later calls reuse it. */
    CompletableFuture<Void> ready() {
        if (ready == null || ready.isCompletedExceptionally()) ready = prepare();
        return ready;
    }

    /** Runs the chat on the app's own cluster even though the gateway is on a standalone server. */
    CompletableFuture<Void> useOwnCluster() {
        ownClusterAsked = true;
        reset();
        return ready();
    }

    private CompletableFuture<Void> prepare() {
        int gen = generation;
        CompletableFuture<Void> json = CompletableFuture.runAsync(ChatMessage::warmUp, blocking);
        return ChatBackend.open(gateway, ownClusterAsked, ownCluster, conceptId, blocking, channel,
                note -> listener.status(note, false)).thenCombine(json, (b, x) -> b).thenComposeAsync(b -> {
            if (gen != generation) {
                Link.closeOff(b, blocking);
                return CompletableFuture.failedFuture(new IllegalStateException("the connection changed meanwhile"));
            }
            backend = b;
            mode = b.sharded() ? ChatMode.SHARDED : ChatMode.CLASSIC;
            listener.backendChanged(b); // the form names the backend; the status line's progress note is done
            listener.status("", false);
            return refreshTopology().thenCompose(x -> joinAll());
        }, fx);
    }

    /** The topology and the channel's slot, read again (after a slot moved). */
    CompletableFuture<Topology> refreshTopology() {
        ChatBackend b = backend;
        if (b == null) return CompletableFuture.failedFuture(new IllegalStateException("the chat is not started"));
        return b.observer().topology().thenCombine(b.observer().slot(), (t, s) -> new Object[]{t, s})
                .thenApplyAsync(r -> {
                    if (b == backend) {
                        topology = (Topology) r[0];
                        slot = (Integer) r[1];
                        listener.topology(topology, slot);
                    }
                    return (Topology) r[0];
                }, fx);
    }

    /** Every player that is not away gets a client (if it lost it) and the current subscription. */
    CompletableFuture<Void> joinAll() {
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (Player p : guild.players()) if (!guild.isAway(p.name())) joins.add(join(p, Guild.modeOf(p, mode)));
        return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new));
    }

    /** Opens the player's client if needed, then subscribes it with {@code m} (dropping another mode first). */
    CompletableFuture<Void> join(Player p, ChatMode m) {
        int gen = generation;
        ChatBackend b = backend;
        if (b == null) return CompletableFuture.failedFuture(new IllegalStateException("the chat is not started"));
        CompletableFuture<Void> online = p.online() ? CompletableFuture.completedFuture(null)
                : b.openPlayer(p).thenAcceptAsync(link -> {
                    if (gen != generation || p.online()) {
                        Link.closeOff(link, blocking);
                    } else {
                        p.attach(link);
                        listener.playersChanged(players());
                    }
                }, fx);
        String target = m == ChatMode.PATTERN ? pattern() : channel;
        return online.thenComposeAsync(x -> {
            ChatMode current = p.mode();
            CompletableFuture<Void> drop = current == null || current == m ? CompletableFuture.completedFuture(null)
                    : p.unsubscribe(current, current == ChatMode.PATTERN ? pattern() : channel);
            // subscribe even when Glide already wants it: the call returns once the server confirmed
            return drop.thenCompose(y -> p.subscribe(m, target));
        }, fx).thenRunAsync(() -> listener.playersChanged(players()), fx);
    }

    /** Forgets the backend and closes every client (the connection changed): fx executor. */
    void reset() {
        forget();
        listener.playersChanged(players());
    }

    /** Closes every client without telling the listener (any thread: app exit). */
    private void forget() {
        generation++;
        ready = null;
        for (Player p : guild.players()) {
            Link l = p.detach();
            if (l != null) Link.closeOff(l, blocking);
        }
        ChatBackend b = backend;
        backend = null;
        topology = null;
        slot = -1;
        if (b != null) Link.closeOff(b, blocking);
        guild.release();
    }

    // ------------------------------------------------------------------ operations, one at a time

    /** Runs {@code op} after the previous operation ended (however it ended). */
    <T> CompletableFuture<T> serial(Supplier<CompletableFuture<T>> op) {
        CompletableFuture<T> next = tail.handleAsync((v, e) -> null, fx).thenCompose(x -> op.get());
        tail = next;
        return next;
    }

    /** Everyone (back) in the chat: the chat started, nobody away, every player subscribed in the current mode. */
    CompletableFuture<Void> gather() {
        return serial(() -> ready().thenComposeAsync(x -> {
            guild.allBack();
            return joinAll();
        }, fx));
    }

    /** A reading for the picture (fx executor); null while the chat is not started. */
    CompletableFuture<Snapshot> readSnapshot() {
        ChatBackend b = backend;
        Topology t = topology;
        if (b == null || t == null) return CompletableFuture.completedFuture(null);
        return b.observer().read(t, slot);
    }

    /** A player says something in the current mode: SPUBLISH or PUBLISH, measured on the bus. */
    CompletableFuture<Sent> say(String from, String text) {
        Optional<String> problem = ChatMessage.problem(text);
        if (problem.isPresent()) return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        return serial(() -> ready().thenComposeAsync(x -> publish(from, mode, channel, text), fx));
    }

    /** Switches how everyone listens and speaks (sharded needs a cluster). */
    CompletableFuture<Void> switchMode(ChatMode m) {
        return serial(() -> ready().thenComposeAsync(x -> useMode(m), fx));
    }

    /** The switch itself, inside an operation (fx executor). */
    CompletableFuture<Void> useMode(ChatMode m) {
        if (m == ChatMode.SHARDED && (backend == null || !backend.sharded())) {
            return CompletableFuture.failedFuture(new IllegalStateException(ChatTexts.NEEDS_CLUSTER));
        }
        mode = m;
        return joinAll();
    }

    /**
     * Publishes one chat message and measures it (fx executor): counters on every node before, the
     * (S)PUBLISH, the players' callbacks (up to {@link #DELIVERY_WAIT_MS}), counters after.
     */
    CompletableFuture<Sent> publish(String from, ChatMode m, String ch, String text) {
        Player p = player(from).orElseThrow(() -> new IllegalArgumentException("no player " + from));
        if (!p.online()) return CompletableFuture.failedFuture(new IllegalStateException(from + " is offline"));
        gateway.namespace().requireOwned(m.publishCommand(), ch);
        ChatMessage msg = new ChatMessage(from, text, Instant.now());
        String json = msg.toJson();
        Set<String> expected = guild.expectedFor(m);
        Observer o = backend.observer();
        return o.stats().thenComposeAsync(before -> {
            CompletableFuture<Set<String>> got = guild.expect(json, expected, DELIVERY_WAIT_MS);
            return p.publish(m, ch, json).thenCompose(receivers -> got.thenCompose(to -> BusSettle.settled(o, before)
                    .thenApply(after -> new Sent(from, msg, m, ch, receivers, expected, to,
                            Fanout.measure(m.sharded(), 1, before, after, receivers, Fanout.busMessageBytes(ch, json))))))
                    .whenCompleteAsync((s, e) -> {
                        if (s != null) listener.sent(s);
                    }, fx);
        }, fx);
    }

    /** Adds the next extra player (up to three). */
    CompletableFuture<Player> addPlayer() {
        return serial(() -> ready().thenComposeAsync(x -> {
            Optional<String> name = guild.nextName();
            if (name.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException("The guild is full here: five players."));
            Player p = guild.add(name.get());
            listener.playersChanged(players());
            return join(p, mode).thenApply(y -> p);
        }, fx));
    }

    /** The guild log: a client with {@code PSUBSCRIBE vx:chat:*} (made once). */
    CompletableFuture<Player> guildLog() {
        Player log = player(GUILD_LOG).orElseGet(() -> {
            Player p = guild.add(GUILD_LOG);
            listener.playersChanged(players());
            return p;
        });
        return join(log, ChatMode.PATTERN).thenApply(x -> log);
    }

    /** The player leaves: its client is closed, so the server forgets its subscription. */
    CompletableFuture<Void> leave(String name) {
        Player p = player(name).orElseThrow();
        guild.setAway(name, true);
        Link l = p.detach();
        listener.playersChanged(players());
        if (l == null) return CompletableFuture.completedFuture(null);
        return CompletableFuture.runAsync(l::close, blocking);
    }

    /** The player comes back with a new client and subscribes again. */
    CompletableFuture<Void> rejoin(String name) {
        guild.setAway(name, false);
        Player p = player(name).orElseThrow();
        return join(p, Guild.modeOf(p, mode));
    }

    /** Whether this player's client got this payload lately. */
    boolean received(String player, String payload) {
        return guild.received(player, payload);
    }

    /** Closes every client (app exit; any thread, nothing is drawn). */
    void close() {
        forget();
    }
}
