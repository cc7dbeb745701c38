package dev.valkeyexplainer.valkey;

import glide.api.models.GlideString;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to Valkey. Every command the app sends passes through {@link #send} (or
 * {@link #batch}): the namespace guard checks the keys it writes, the Glide call runs, and a journal
 * row records the reply and the measured round trip. The gateway also owns the connection: it
 * connects ({@link Connector}), watches it ({@link HealthWatch}), tells listeners when it is back so
 * they can re-apply per-connection state, walks the namespace ({@link NamespaceScanner}), opens the
 * concepts' own connections ({@link DedicatedClient}), and remembers which commands the server's
 * ACL denied to this user ({@code NOPERM}).
 */
public final class ValkeyGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ValkeyGateway.class);

    static {
        // Glide's native log lines (coloured, one per reconnect attempt) are not for users: off unless --verbose
        if (!Boolean.getBoolean("vx.verbose")) glide.api.logging.Logger.init(glide.api.logging.Logger.Level.OFF);
    }

    public static final String HEALTH = "health";
    static final int REQUEST_TIMEOUT_MS = 2_000;
    static final int RETRY_CONNECT_MS = 2_000;
    /** A background count of the namespace is started at most this often. */
    static final long COUNT_EVERY_MS = 2_000;

    private final Namespace namespace;
    private final CommandJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Connector connector;
    private final HealthWatch health;
    private final NamespaceScanner scanner;
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionTarget>> connectListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private final Set<DedicatedClient> dedicated = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    /** Calls the server refused for their key ("GET vx:k"): never sent again to this server. */
    private final Set<String> deniedCalls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean counting = new AtomicBoolean();

    private volatile ClientHandle client;
    private volatile ConnectionTarget target;
    private volatile ConnectionStatus status = ConnectionStatus.down("", false, "Not connected");
    private volatile int generation;
    private volatile long namespaceKeys = -1;
    private volatile long lastCountStart;
    private ScheduledFuture<?> retryTask;

    public ValkeyGateway(Namespace namespace, CommandJournal journal) {
        this.namespace = namespace;
        this.journal = journal;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "vx-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // probing a failed connection opens a socket and waits: never on the scheduler
        this.connector = new Connector(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vx-connect-probe");
            t.setDaemon(true);
            return t;
        }));
        this.health = new HealthWatch(scheduler);
        this.scanner = new NamespaceScanner(() -> client, journal, () -> target, scheduler);
    }

    public Namespace namespace() {
        return namespace;
    }

    public CommandJournal journal() {
        return journal;
    }

    public ConnectionStatus status() {
        return status;
    }

    public ConnectionTarget target() {
        return target;
    }

    /** For polling and short non-blocking continuations only: never block on it. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A handle that tags each command with the concept and the connection (worker) that sent it. */
    public Scope scope(String conceptId, String connection) {
        return new Scope(this, conceptId, connection);
    }

    public void addStatusListener(Consumer<ConnectionStatus> l) {
        statusListeners.add(l);
        l.accept(status);
    }

    /** Runs after the connection comes back: per-connection state (CLIENT TRACKING, …) is gone then. */
    public void addReconnectListener(Runnable r) {
        reconnectListeners.add(r);
    }

    public void removeReconnectListener(Runnable r) {
        reconnectListeners.remove(r);
    }

    /**
     * Runs (on a gateway thread, before the reconnect listeners and the "connected" status) when the server that answers again at
     * the same address is a new process: its {@code run_id} (INFO server) changed. Its data is whatever
     * it loaded at start (nothing, for the sandbox), so results a concept remembers from before no
     * longer describe it.
     */
    public void addRestartListener(Runnable r) {
        restartListeners.add(r);
    }

    public void removeRestartListener(Runnable r) {
        restartListeners.remove(r);
    }

    /**
     * Runs (on a gateway thread) each time a connection to a new target is established (the first
     * connect, Connect… to another server, a restarted sandbox): dedicated clients of the old target
     * are closed by then, and the server's data may be new.
     */
    public void addConnectListener(Consumer<ConnectionTarget> l) {
        connectListeners.add(l);
    }

    public void removeConnectListener(Consumer<ConnectionTarget> l) {
        connectListeners.remove(l);
    }

    // ---------------------------------------------------------------- connecting

    /**
     * Connects to a server, replacing any current connection. The future completes with the status
     * once connected; on failure it completes with a DOWN status carrying a readable message, and the
     * gateway keeps retrying in the background when retrying can help.
     */
    public synchronized CompletableFuture<ConnectionStatus> connect(ConnectionTarget newTarget) {
        int gen = ++generation;
        this.target = newTarget;
        cancelTasks();
        connector.reset();
        denied.clear();
        deniedCalls.clear();
        namespaceKeys = -1;
        ClientHandle old = client;
        client = null;
        List<DedicatedClient> oldDedicated = List.copyOf(dedicated);
        dedicated.clear();
        scheduler.execute(() -> { // closing may wait: never on the caller's (FX) thread
            if (old != null) closeQuietly(old);
            oldDedicated.forEach(DedicatedClient::close);
        });
        publish(ConnectionStatus.connecting(newTarget.redacted(), newTarget.embedded()));
        return attempt(gen);
    }

    private CompletableFuture<ConnectionStatus> attempt(int gen) {
        ConnectionTarget t = target;
        return connector.openChecked(t, ClientOptions.DEFAULT, "valkey-explainer")
                .thenCompose(c -> {
                    if (gen != generation) {
                        closeQuietly(c);
                        return CompletableFuture.completedFuture(status);
                    }
                    client = c;
                    journalEvent("CONNECT " + t.redacted() + (c.cluster() ? " (cluster)" : "")
                            + (connector.withoutClientName() ? " without a client name" : ""), "OK");
                    return refreshServerInfo().thenCombine(healthCommand(c), (s, ping) -> {
                        publish(status.withState(ConnectionStatus.State.CONNECTED, "Connected to " + t.redacted()));
                        startHealth(gen, c, ping);
                        if (!t.embedded()) probeCapabilities(c);
                        connectListeners.forEach(l -> runQuietly(() -> l.accept(t)));
                        return status;
                    });
                })
                .exceptionallyAsync(e -> {
                    if (gen != generation) return status;
                    Throwable cause = e;
                    while (cause.getCause() != null && !(cause instanceof Connector.ConnectFailure)) cause = cause.getCause();
                    boolean retry = !(cause instanceof Connector.ConnectFailure f) || f.retry();
                    String msg = cause instanceof Connector.ConnectFailure ? cause.getMessage()
                            : "Could not connect to " + t.redacted() + ": " + JournalFormat.errorMessage(e);
                    journalEvent("CONNECT " + t.redacted(), "(error) " + msg);
                    LOG.info("connecting to {} failed: {}", t.redacted(), msg);
                    publish(status.withState(ConnectionStatus.State.DOWN, retry ? msg + " Retrying every 2 s." : msg));
                    synchronized (this) {
                        if (retry && gen == generation) {
                            retryTask = scheduler.schedule(() -> attempt(gen), RETRY_CONNECT_MS, TimeUnit.MILLISECONDS);
                        }
                    }
                    return status;
                }, scheduler);
    }

    private CompletableFuture<ConnectionStatus> refreshServerInfo() {
        return sendInternal(HEALTH, HEALTH, Commands.read("INFO", "server"))
                .thenCombine(sendInternal(HEALTH, HEALTH, Commands.read("MODULE", "LIST"))
                        .exceptionally(e -> new Object[0]), (info, mods) -> {
                    Map<String, String> f = InfoParser.fields(String.valueOf(info));
                    String version = f.getOrDefault("valkey_version", f.getOrDefault("redis_version", "?"));
                    String mode = client != null && client.cluster() ? "cluster" : f.getOrDefault("server_mode",
                            f.getOrDefault("redis_mode", "standalone"));
                    publish(status.withServer(version, mode, InfoParser.modules(mods), f.getOrDefault("run_id", "")));
                    return status;
                });
    }

    /**
     * Finds out once, on a server the app did not start, what this user may not do: one harmless
     * command per {@link Capability}, journaled as the shell's "acl-probe"; a NOPERM reply puts the
     * command in the refused list (status bar, side list), so nothing of that kind is sent again.
     */
    private void probeCapabilities(ClientHandle c) {
        for (Capability cap : Capability.values()) {
            List<String> args = cap.probe(namespace.key(""));
            ValkeyCall<Object> call = cap == Capability.WRITE ? Commands.write(List.of(args.get(1)), args.toArray(String[]::new))
                    : Commands.read(args.toArray(String[]::new));
            run(c, "shell", "acl-probe", call).exceptionally(e -> null);
        }
    }

    /** A new process answers: both run_ids are known and differ (a user without INFO reports none). */
    static boolean restarted(String before, String now) {
        return before != null && !before.isEmpty() && now != null && !now.isEmpty() && !before.equals(now);
    }

    /** PING, unless this user may not run it (then INFO keyspace, which Glide needs anyway). */
    private CompletableFuture<String[]> healthCommand(ClientHandle c) {
        String[] ping = {"PING"};
        return run(c, HEALTH, HEALTH, Commands.ping()).handle((pong, e) -> e == null ? ping
                : denial(JournalFormat.errorMessage(e)) != null ? new String[]{"INFO", "keyspace"} : ping);
    }

    private synchronized void startHealth(int gen, ClientHandle c, String[] command) {
        if (gen != generation) return;
        health.start(c, command, new HealthWatch.Listener() {
            @Override
            public void answered(long micros) {
                if (c != client) return;
                if (status.state() == ConnectionStatus.State.DOWN) {
                    // Glide has reconnected by itself; the new connection has a new CLIENT ID and none of
                    // the per-connection state (CLIENT TRACKING, …), so listeners re-apply theirs.
                    journalEvent("RECONNECTED " + target.redacted(), "OK");
                    String runBefore = status.runId();
                    refreshServerInfo().whenComplete((s, err) -> {
                        if (restarted(runBefore, status.runId())) {
                            // before "connected" is published: what a concept forgets is gone before anyone acts again
                            journalEvent("SERVER RESTARTED " + target.redacted() + " (new run_id)", "OK");
                            restartListeners.forEach(ValkeyGateway::runQuietly);
                        }
                        publish(status.withState(ConnectionStatus.State.CONNECTED, "Reconnected to " + target.redacted())
                                .withLatency(micros));
                        reconnectListeners.forEach(ValkeyGateway::runQuietly);
                    });
                } else {
                    publish(status.withLatency(micros));
                }
            }

            @Override
            public void silent(String why) {
                if (c != client || status.state() == ConnectionStatus.State.DOWN) return;
                String msg = "Lost the server at " + target.redacted() + ": " + why + ". Reconnecting automatically…";
                journalEvent("LOST " + target.redacted(), "(error) " + why);
                publish(status.withState(ConnectionStatus.State.DOWN, msg).withLatency(-1));
            }
        });
    }

    /**
     * Opens a connection of the concept's own to the current server (see {@link DedicatedClient}).
     * Fails when not connected. The client's name on the server is {@code vx-<connection>}.
     */
    public CompletableFuture<DedicatedClient> openClient(String conceptId, String connection, ClientOptions options) {
        ConnectionTarget t = target;
        ClientHandle shared = client;
        int gen = generation;
        if (t == null || shared == null) return CompletableFuture.failedFuture(new NotConnectedException(status.message()));
        return connector.open(t, options, "vx-" + connection.replaceAll("[^A-Za-z0-9_.-]", "-"), shared.cluster())
                .thenApply(h -> {
                    DedicatedClient d = new DedicatedClient(this, h, conceptId, connection);
                    journalEvent("CONNECT " + t.redacted() + " as " + connection + " (" + options.protocol() + ")", "OK");
                    if (gen != generation) {
                        d.close();
                        throw new NotConnectedException("the app connected elsewhere while " + connection + " was opening");
                    }
                    dedicated.add(d);
                    return d;
                });
    }

    void forget(DedicatedClient d) {
        dedicated.remove(d);
    }

    // ---------------------------------------------------------------- sending

    /** Sends a command through the namespace guard, and journals it. */
    public <T> CompletableFuture<T> send(String conceptId, String connection, ValkeyCall<T> call) {
        ClientHandle c = client;
        if (c == null) {
            Throwable guard = guard(call);
            return CompletableFuture.failedFuture(guard != null ? guard : new NotConnectedException(status.message()));
        }
        return sendOn(c, conceptId, connection, call);
    }

    private <T> CompletableFuture<T> sendInternal(String conceptId, String connection, ValkeyCall<T> call) {
        ClientHandle c = client;
        if (c == null) return CompletableFuture.failedFuture(new NotConnectedException(status.message()));
        return run(c, conceptId, connection, call);
    }

    private Namespace.NamespaceViolation guard(ValkeyCall<?> call) {
        for (String key : call.writtenKeys()) {
            if (!namespace.owns(key)) {
                return new Namespace.NamespaceViolation("Refused " + call.name() + " on '" + key + "': the app only writes"
                        + " keys that start with '" + namespace.prefix() + "'.");
            }
        }
        return null;
    }

    /** A dedicated client's command: the same guard and journal as the shared client's. */
    <T> CompletableFuture<T> sendOn(ClientHandle c, String conceptId, String connection, ValkeyCall<T> call) {
        Namespace.NamespaceViolation v = guard(call);
        if (v != null) return CompletableFuture.failedFuture(v);
        return run(c, conceptId, connection, call);
    }

    private <T> CompletableFuture<T> run(ClientHandle c, String conceptId, String connection, ValkeyCall<T> call) {
        // what the ACL refused once is refused again: not sent (each try would be an entry in the server's ACL log,
        // and a poller would add one every second), and not journaled again
        String refused = refusedBefore(call.args());
        if (refused != null) {
            return CompletableFuture.failedFuture(new NotPermitted(List.of(refused)));
        }
        long t0 = System.nanoTime();
        CompletableFuture<T> f;
        try {
            f = call.action().apply(c);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((reply, error) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            if (error != null) noteDenied(call.args(), error);
            journal.add(JournalEntry.command(journal.nextSeq(), Instant.now(), connection, conceptId, call.args(),
                    error == null ? JournalFormat.reply(reply) : JournalFormat.reply(error), micros, error != null,
                    call.glideJava(), target));
        });
    }

    /**
     * Sends several commands in one round trip: {@code atomic} = MULTI/EXEC, else a pipeline. The
     * journal gets one row for the whole batch. Replies come back in order; a failed command's
     * reply is its exception (check them: a pipeline does not stop at the first error).
     */
    public CompletableFuture<Object[]> batch(String conceptId, String connection, boolean atomic, List<List<String>> commands,
                                             List<String> writtenKeys, String glideJava) {
        ClientHandle c = client;
        if (c == null) return CompletableFuture.failedFuture(new NotConnectedException(status.message()));
        return batchOn(c, conceptId, connection, atomic, commands, writtenKeys, glideJava);
    }

    CompletableFuture<Object[]> batchOn(ClientHandle c, String conceptId, String connection, boolean atomic,
                                        List<List<String>> commands, List<String> writtenKeys, String glideJava) {
        for (String key : writtenKeys) {
            if (!namespace.owns(key)) {
                return CompletableFuture.failedFuture(new Namespace.NamespaceViolation("Refused " + (atomic ? "MULTI/EXEC"
                        : "pipeline") + " on '" + key + "': the app only writes keys that start with '" + namespace.prefix() + "'."));
            }
        }
        // what the ACL refused once is not sent again, in a batch either (a poller's MULTI every second would
        // fill the server's ACL log): a transaction fails when MULTI or any of its commands was refused (EXEC would
        // abort), a pipeline when all of its commands were (the others still answer)
        List<String> refused = new java.util.ArrayList<>();
        for (List<String> cmd : atomic ? Stream.concat(Stream.of(List.of("MULTI")), commands.stream()).toList() : commands) {
            String r = cmd.isEmpty() ? null : refusedBefore(cmd);
            if (r == null && !atomic) { // a pipeline with one allowed command is sent
                refused.clear();
                break;
            }
            if (r != null && !refused.contains(r)) refused.add(r);
        }
        if (!refused.isEmpty()) {
            return CompletableFuture.failedFuture(new NotPermitted(refused));
        }
        List<String[]> arrays = commands.stream().map(l -> l.toArray(String[]::new)).toList();
        long t0 = System.nanoTime();
        // a small batch must fail as fast as one command when the server dies (a gauge must not freeze for 30 s);
        // a pipeline of thousands gets time in proportion
        int timeoutMs = (int) Math.min(30_000, REQUEST_TIMEOUT_MS + 5L * arrays.size());
        return c.batch(arrays, atomic, timeoutMs).whenComplete((replies, error) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            if (error != null) noteDenied(atomic ? List.of("MULTI") : commands.get(0), error);
            if (replies != null) {
                for (int i = 0; i < replies.length && i < commands.size(); i++) {
                    if (replies[i] instanceof Throwable t) noteDenied(commands.get(i), t);
                }
            }
            String reply = error != null ? JournalFormat.reply(error) : replies == null ? "(nil) aborted" : JournalFormat.reply(replies);
            boolean failed = error != null || (replies != null && java.util.Arrays.stream(replies).anyMatch(r -> r instanceof Throwable));
            journal.add(JournalEntry.batch(journal.nextSeq(), Instant.now(), connection, conceptId, atomic, commands, reply,
                    micros, failed, glideJava, target));
        });
    }

    // ---------------------------------------------------------------- permissions

    /** The command's name as the ACL names it: {@code CLIENT ID}, {@code SET}. */
    static String commandKey(List<String> args) {
        String cmd = args.get(0).toUpperCase(Locale.ROOT);
        if (args.size() > 1 && Set.of("CLIENT", "CONFIG", "FUNCTION", "SCRIPT", "MEMORY", "OBJECT", "CLUSTER", "PUBSUB", "ACL",
                "COMMAND", "XINFO", "MODULE").contains(cmd)) {
            cmd = cmd + " " + args.get(1).toUpperCase(Locale.ROOT);
        }
        return cmd;
    }

    private String refusedBefore(List<String> args) {
        if (denied.isEmpty() && deniedCalls.isEmpty()) return null;
        String cmd = commandKey(args);
        if (denied.contains(cmd)) return cmd;
        if (args.size() > 1 && deniedCalls.contains(cmd + " " + args.get(1))) return cmd + " on " + args.get(1);
        return null;
    }

    /** Remembers what the server's ACL denied (NOPERM) and shows it in the status. */
    private void noteDenied(List<String> args, Throwable error) {
        String what = denial(JournalFormat.errorMessage(error));
        if (what != null && what.startsWith("keys outside") && args.size() > 1) deniedCalls.add(commandKey(args) + " " + args.get(1));
        if (what != null && denied.add(what)) {
            publish(status.withDenied(List.copyOf(new java.util.TreeSet<>(denied))));
            LOG.info("the server denied {} to this user", what);
        }
    }

    /**
     * What a NOPERM error denies: a command ({@code "...no permissions to run the 'client|id' command"}
     * gives {@code CLIENT ID}), keys outside the user's key patterns, or channels; null for other errors.
     */
    public static String denial(String message) {
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        if (!lower.contains("noperm") && !lower.contains("permissiondenied") && !lower.contains("no permissions")) return null;
        java.util.regex.Matcher cmd = java.util.regex.Pattern.compile("run the '([^']+)' command").matcher(m);
        if (cmd.find()) return cmd.group(1).replace('|', ' ').toUpperCase(Locale.ROOT);
        if (lower.contains("access a key")) return Capability.Namespaced.KEYS_OUTSIDE;
        if (lower.contains("access a channel")) return Capability.Namespaced.CHANNELS_OUTSIDE;
        return "a command (" + m.strip() + ")";
    }

    /** The commands the server refused to this user so far (NOPERM), e.g. {@code SET}, {@code CLIENT TRACKING}. */
    public Set<String> deniedCommands() {
        return Set.copyOf(denied);
    }

    // ---------------------------------------------------------------- the namespace

    /**
     * "Reset demo data": deletes every key that starts with the namespace prefix, and only those
     * (byte-wise, so names that are not UTF-8 too), with SCAN MATCH + UNLINK, never FLUSHDB.
     * Completes with the number of keys removed.
     */
    public CompletableFuture<Long> resetNamespace(String conceptId) {
        return deleteOwned(conceptId, "reset", namespace.prefix()).thenCompose(n -> {
            namespaceKeys = 0;
            return deleteAppFunctions(conceptId).handle((x, e) -> n); // a user without @scripting keeps none anyway
        });
    }

    /** The prefix of the Valkey Function libraries the app loads (vx_json, vx_semantic, …). */
    public static final String FUNCTION_PREFIX = "vx_";

    /**
     * Removes the Function libraries the app loaded (names starting with {@link #FUNCTION_PREFIX}), on
     * every primary of a cluster: reset leaves no code of the app's on the server either.
     */
    CompletableFuture<Void> deleteAppFunctions(String conceptId) {
        return send(conceptId, "reset", Commands.read("FUNCTION", "LIST", "LIBRARYNAME", FUNCTION_PREFIX)).thenCompose(reply -> {
            List<String> names = new java.util.ArrayList<>();
            if (reply instanceof Object[] libs) {
                for (Object lib : libs) {
                    if (lib instanceof Map<?, ?> m && m.get("library_name") != null) {
                        String name = String.valueOf(m.get("library_name"));
                        if (name.startsWith(FUNCTION_PREFIX)) names.add(name);
                    }
                }
            }
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (String name : names) {
                ValkeyCall<Object> del = new ValkeyCall<>(List.of("FUNCTION", "DELETE", name), List.of(),
                        "client.functionDelete(\"" + name + "\")", h -> h.cluster()
                        ? ((glide.api.GlideClusterClient) h.glide()).functionDelete(name,
                        glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_PRIMARIES)
                        .thenApply(r -> (Object) r)
                        : ((glide.api.GlideClient) h.glide()).functionDelete(name).thenApply(r -> (Object) r));
                all = all.thenCompose(x -> send(conceptId, "reset", del).thenApply(r -> null));
            }
            return all;
        });
    }

    /** Deletes the keys that start with {@code prefix}, which must itself be inside the namespace. */
    public CompletableFuture<Long> deleteByPrefix(String conceptId, String connection, String prefix) {
        if (!namespace.owns(prefix) || prefix.contains("*") || prefix.contains("?") || prefix.contains("[")) {
            return CompletableFuture.failedFuture(new Namespace.NamespaceViolation("Refused to delete keys under '" + prefix
                    + "': only plain prefixes inside '" + namespace.prefix() + "'."));
        }
        return deleteOwned(conceptId, connection, prefix);
    }

    private CompletableFuture<Long> deleteOwned(String conceptId, String connection, String prefix) {
        return scanner.sweep(conceptId, connection, prefix, Long.MAX_VALUE, false,
                keys -> send(conceptId, connection, Commands.unlinkBinary(keys))).thenApply(NamespaceScanner.Sweep::acted);
    }

    /**
     * The number of keys in the namespace, as of the last background count: completes at once (with
     * -1 before the first count ends) and starts a new paced count when none is running and the last
     * one started more than {@link #COUNT_EVERY_MS} ago. A poll therefore costs the same whatever the
     * size of the keyspace; each count is one journal row. Stops at {@code cap} keys.
     */
    public CompletableFuture<Long> countNamespaceKeys(String conceptId, String connection, long cap) {
        long now = System.currentTimeMillis();
        if (client != null && now - lastCountStart >= COUNT_EVERY_MS && counting.compareAndSet(false, true)) {
            lastCountStart = now;
            scanner.sweep(conceptId, connection, namespace.prefix(), cap, true, keys -> CompletableFuture.completedFuture(0L))
                    .whenComplete((sw, e) -> {
                        counting.set(false);
                        if (e == null) namespaceKeys = sw.keys();
                    });
        }
        return CompletableFuture.completedFuture(namespaceKeys);
    }

    /** The keys under the namespace, counted now (one full walk; for tests and one-off checks). */
    public CompletableFuture<Long> countNamespaceKeysNow(String conceptId, String connection) {
        return scanner.sweep(conceptId, connection, namespace.prefix(), Long.MAX_VALUE, false,
                keys -> CompletableFuture.completedFuture(0L)).thenApply(NamespaceScanner.Sweep::keys);
    }

    // ---------------------------------------------------------------- plumbing

    private void journalEvent(String what, String reply) {
        journal.add(new JournalEntry(journal.nextSeq(), Instant.now(), "main", HEALTH, JournalEntry.Kind.EVENT,
                List.of(List.of(what)), 1, reply, 0, reply.startsWith("(error)"), "GlideClient.createClient(config).get()",
                target));
    }

    private void publish(ConnectionStatus s) {
        status = s;
        for (Consumer<ConnectionStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("a status listener failed", e); // a listener's bug must not break the connection watch
            }
        }
    }

    private synchronized void cancelTasks() {
        health.stop();
        if (retryTask != null) retryTask.cancel(false);
        retryTask = null;
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a connection listener failed", e); // one listener failing must not stop the others
        }
    }

    static void closeQuietly(ClientHandle c) {
        try {
            c.glide().close();
        } catch (Exception e) {
            LOG.debug("closing a client failed (it may be dead already): {}", e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            generation++;
            cancelTasks();
        }
        ClientHandle c = client;
        client = null;
        if (c != null) closeQuietly(c);
        List.copyOf(dedicated).forEach(DedicatedClient::close);
        scheduler.shutdownNow();
    }

    /** A command the server's ACL already refused to this user; it was not sent again. */
    public static final class NotPermitted extends IllegalStateException {
        private final List<String> refused;

        /** {@code refused}: the commands (as the ACL names them, e.g. {@code MULTI}, {@code CLIENT ID}) refused before. */
        public NotPermitted(List<String> refused) {
            super("The server's ACL does not let this user run " + String.join(", ", refused)
                    + " (refused before with NOPERM; not sent again).");
            this.refused = List.copyOf(refused);
        }

        public List<String> refused() {
            return refused;
        }
    }

    /** A command was asked for while no server is connected. */
    public static final class NotConnectedException extends IllegalStateException {
        public NotConnectedException(String message) {
            super(message);
        }
    }

    /** The gateway as seen by one concept and one of its connections (workers). */
    public record Scope(ValkeyGateway gateway, String conceptId, String connection) {
        public <T> CompletableFuture<T> send(ValkeyCall<T> call) {
            return gateway.send(conceptId, connection, call);
        }

        public Scope worker(String name) {
            return new Scope(gateway, conceptId, name);
        }

        public CompletableFuture<Object[]> batch(boolean atomic, List<List<String>> commands, List<String> writtenKeys,
                                                 String glideJava) {
            return gateway.batch(conceptId, connection, atomic, commands, writtenKeys, glideJava);
        }

        /**
         * A batch whose replies must all succeed: a pipeline does not stop at an error, so this fails with
         * the first error reply (e.g. NOPERM, OOM) and how many commands the server refused.
         */
        public CompletableFuture<Object[]> batchAllOk(boolean atomic, List<List<String>> commands, List<String> writtenKeys,
                                                      String glideJava) {
            return batch(atomic, commands, writtenKeys, glideJava).thenApply(ValkeyGateway::requireAllOk);
        }

        public String key(String suffix) {
            return gateway.namespace().key(suffix);
        }
    }

    /**
     * The replies unchanged when none is an error; otherwise a {@link BatchRefused} naming the first
     * refused command, the server's message and how many were refused.
     */
    public static Object[] requireAllOk(Object[] replies) {
        if (replies == null) throw new BatchRefused("The transaction was aborted (EXEC returned nil).");
        int refused = 0;
        Throwable first = null;
        for (Object r : replies) {
            if (r instanceof Throwable t) {
                refused++;
                if (first == null) first = t;
            }
        }
        if (first != null) {
            throw new BatchRefused(String.format(Locale.ROOT, "The server refused %,d of %,d commands: %s", refused,
                    replies.length, JournalFormat.errorMessage(first)));
        }
        return replies;
    }

    /** A batch in which the server refused commands. */
    public static final class BatchRefused extends IllegalStateException {
        public BatchRefused(String message) {
            super(message);
        }
    }

    /** For the journal's display of binary names. */
    static String show(GlideString g) {
        return JournalFormat.bytesText(g.getBytes());
    }
}
