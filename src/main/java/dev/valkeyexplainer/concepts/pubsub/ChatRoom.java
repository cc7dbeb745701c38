package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.valkey.ManagedValkeyCluster;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    static final List<String> EXTRA_NAMES = List.of("carol", "dave", "erin");
    static final String GUILD_LOG = "guild-log";
    /** How long a publish waits for the players' callbacks before it reports who got it. */
    static final long DELIVERY_WAIT_MS = 2_000;
    /** Counters unchanged this long count as settled where the servers do not count sent bus messages. */
    static final long QUIET_MS = 300;
    static final long SETTLE_STEP_MS = 100;
    static final long SETTLE_LIMIT_MS = 3_000;

    private final ValkeyGateway gateway;
    private final Executor fx;
    private final Executor blocking;
    private final Supplier<CompletableFuture<ManagedValkeyCluster>> ownCluster;
    private final String conceptId;
    private final String channel;
    private final List<Player> players = new ArrayList<>();
    private final Set<String> away = new HashSet<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Map<String, java.util.Deque<String>> recent = new java.util.HashMap<>();
    private Listener listener;
    private ChatBackend backend;
    private CompletableFuture<Void> ready;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private ChatMode mode = ChatMode.SHARDED;
    private Topology topology;
    private int slot = -1;
    private int generation;
    private boolean ownClusterAsked;

    /** A publish waiting for its payload to reach the expected players. */
    private record Waiter(String payload, Set<String> expected, Set<String> got, CompletableFuture<Set<String>> done) {
    }

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
        for (String name : List.of("alice", "bob")) players.add(new Player(name, this::signal));
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
        return List.copyOf(players);
    }

    Optional<Player> player(String name) {
        return players.stream().filter(p -> p.name().equals(name)).findFirst();
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
        return away.contains(name);
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
        ChatBackend.Kind kind = ChatBackend.choose(gateway.status(), ownClusterAsked);
        CompletableFuture<ChatBackend> opened;
        if (kind == ChatBackend.Kind.OWN_CLUSTER) {
            listener.status("Starting the app's local cluster (3 primaries, 3 replicas) for this tab…", false);
            opened = ownCluster.get().thenCompose(c -> ChatBackend.onOwnCluster(c, gateway, conceptId, blocking, channel));
        } else if (!gateway.status().connected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Not connected: " + gateway.status().message()));
        } else {
            opened = CompletableFuture.completedFuture(ChatBackend.onGateway(gateway, conceptId, blocking, channel));
        }
        return opened.thenComposeAsync(b -> {
            if (gen != generation) {
                closeLater(b);
                return CompletableFuture.failedFuture(new IllegalStateException("the connection changed meanwhile"));
            }
            backend = b;
            mode = b.sharded() ? ChatMode.SHARDED : ChatMode.CLASSIC;
            listener.backendChanged(b);
            listener.status(b.describe(), false);
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
        for (Player p : players) if (!away.contains(p.name())) joins.add(join(p, p.name().equals(GUILD_LOG) ? ChatMode.PATTERN : mode));
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
                        closeLater(link);
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
        for (Player p : players) {
            Link l = p.detach();
            if (l != null) closeLater(l);
        }
        ChatBackend b = backend;
        backend = null;
        topology = null;
        slot = -1;
        if (b != null) closeLater(b);
        waiters.forEach(w -> w.done().complete(Set.copyOf(w.got())));
        waiters.clear();
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
            away.clear();
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
        Set<String> expected = expectedFor(m);
        Observer o = backend.observer();
        return o.stats().thenComposeAsync(before -> {
            Waiter w = new Waiter(json, expected, ConcurrentHashMap.newKeySet(), new CompletableFuture<>());
            if (expected.isEmpty()) w.done().complete(Set.of());
            else waiters.add(w);
            return p.publish(m, ch, json).thenCompose(receivers -> w.done()
                    .completeOnTimeout(Set.of(), DELIVERY_WAIT_MS, TimeUnit.MILLISECONDS)
                    .thenApply(x -> Set.copyOf(w.got()))
                    .thenCompose(got -> settledStats(o, before).thenApply(after -> new Sent(from, msg, m, ch, receivers,
                            expected, got, Fanout.measure(m.sharded(), 1, before, after, receivers,
                            Fanout.busMessageBytes(ch, json))))))
                    .whenCompleteAsync((s, e) -> {
                        waiters.remove(w);
                        if (s != null) listener.sent(s);
                    }, fx);
        }, fx);
    }

    /** The players whose subscription a publish in mode {@code m} reaches: same mode, or a pattern for classic. */
    Set<String> expectedFor(ChatMode m) {
        Set<String> out = new HashSet<>();
        for (Player p : players) {
            if (!p.online() || p.mode() == null) continue;
            if (p.mode() == m || (m == ChatMode.CLASSIC && p.mode() == ChatMode.PATTERN)) out.add(p.name());
        }
        return out;
    }

    /**
     * Reads the counters until the bus has delivered everything: cluster-bus messages arrive tens of
     * milliseconds after the command (they are queued on each node link and written by the event loop),
     * so one reading right away misses some. Where the servers count sent bus messages (Valkey 8.0.3+),
     * the reading is complete once every node's received messages add up to the sent ones; Valkey
     * 8.0.0-8.0.2 do not count them, so there the counters must stay unchanged for {@link #QUIET_MS}.
     * At most {@link #SETTLE_LIMIT_MS}.
     */
    CompletableFuture<Map<String, NodeStats>> settledStats(Observer o, Map<String, NodeStats> before) {
        CompletableFuture<Map<String, NodeStats>> done = new CompletableFuture<>();
        settle(o, before, null, System.nanoTime(), System.nanoTime(), done);
        return done;
    }

    private void settle(Observer o, Map<String, NodeStats> before, Map<String, NodeStats> previous, long start, long changed,
                        CompletableFuture<Map<String, NodeStats>> done) {
        o.stats().whenComplete((now, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
                return;
            }
            long t = System.nanoTime();
            long lastChange = now.equals(previous) ? changed : t;
            boolean balanced = balanced(before, now);
            if (balanced || (t - lastChange) / 1_000_000 >= QUIET_MS || (t - start) / 1_000_000 >= SETTLE_LIMIT_MS) {
                done.complete(now);
            } else {
                CompletableFuture.delayedExecutor(SETTLE_STEP_MS, TimeUnit.MILLISECONDS)
                        .execute(() -> settle(o, before, now, start, lastChange, done));
            }
        });
    }

    /** Sent bus messages are counted and every one of them has been received, for both kinds. */
    static boolean balanced(Map<String, NodeStats> before, Map<String, NodeStats> now) {
        long sent = 0;
        long received = 0;
        for (var e : now.entrySet()) {
            NodeStats d = e.getValue().minus(before.getOrDefault(e.getKey(), e.getValue()));
            sent += d.publishSent() + d.shardSent();
            received += d.publishReceived() + d.shardReceived();
        }
        return sent > 0 && sent == received;
    }

    /** Adds the next extra player (up to three). */
    CompletableFuture<Player> addPlayer() {
        return serial(() -> ready().thenComposeAsync(x -> {
            Optional<String> name = EXTRA_NAMES.stream().filter(n -> player(n).isEmpty()).findFirst();
            if (name.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException("The guild is full here: five players."));
            Player p = new Player(name.get(), this::signal);
            players.add(p);
            listener.playersChanged(players());
            return join(p, mode).thenApply(y -> p);
        }, fx));
    }

    /** The guild log: a client with {@code PSUBSCRIBE vx:chat:*} (made once). */
    CompletableFuture<Player> guildLog() {
        Player log = player(GUILD_LOG).orElseGet(() -> {
            Player p = new Player(GUILD_LOG, this::signal);
            players.add(p);
            listener.playersChanged(players());
            return p;
        });
        return join(log, ChatMode.PATTERN).thenApply(x -> log);
    }

    /** The player leaves: its client is closed, so the server forgets its subscription. */
    CompletableFuture<Void> leave(String name) {
        Player p = player(name).orElseThrow();
        away.add(name);
        Link l = p.detach();
        listener.playersChanged(players());
        if (l == null) return CompletableFuture.completedFuture(null);
        return CompletableFuture.runAsync(l::close, blocking);
    }

    /** The player comes back with a new client and subscribes again. */
    CompletableFuture<Void> rejoin(String name) {
        away.remove(name);
        Player p = player(name).orElseThrow();
        return join(p, name.equals(GUILD_LOG) ? ChatMode.PATTERN : mode);
    }

    // ------------------------------------------------------------------ deliveries

    /** Glide's thread, from a player's callback: only schedules the drain. */
    private void signal() {
        if (drainScheduled.compareAndSet(false, true)) fx.execute(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        for (Player p : players) {
            for (Player.Delivery d : p.drain()) {
                java.util.Deque<String> r = recent.computeIfAbsent(p.name(), k -> new java.util.ArrayDeque<>());
                r.addLast(d.payload());
                while (r.size() > 200) r.removeFirst();
                listener.delivered(p, d);
                for (Waiter w : List.copyOf(waiters)) {
                    if (!w.payload().equals(d.payload())) continue;
                    w.got().add(p.name());
                    if (w.got().containsAll(w.expected())) w.done().complete(Set.copyOf(w.got()));
                }
            }
        }
    }

    /** Whether this player's client got this payload lately (the last 200 deliveries). */
    boolean received(String player, String payload) {
        return recent.getOrDefault(player, new java.util.ArrayDeque<>()).contains(payload);
    }

    /** Closes off the caller's thread; at app exit, when the executor is gone, right here. */
    private void closeLater(AutoCloseable c) {
        Runnable close = () -> {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ChatRoom.class).debug("closing: {}", e.toString());
            }
        };
        try {
            blocking.execute(close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close.run();
        }
    }

    /** Closes every client (app exit; any thread, nothing is drawn). */
    void close() {
        forget();
    }
}
