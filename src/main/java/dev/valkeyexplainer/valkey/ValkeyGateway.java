package dev.valkeyexplainer.valkey;

import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one door to Valkey. Every command the app sends passes through {@link #send}: it checks the
 * namespace rule, runs the Glide call, and writes a journal row with the reply and the measured
 * round trip. It also watches the connection (a PING every 250 ms), reports when the server goes
 * away, and tells listeners when it is back so they can re-apply per-connection state.
 */
public final class ValkeyGateway implements AutoCloseable {

    public static final String HEALTH = "health";
    private static final int REQUEST_TIMEOUT_MS = 2_000;
    private static final int HEALTH_INTERVAL_MS = 250;
    private static final int HEALTH_TIMEOUT_MS = 500;
    private static final int RETRY_CONNECT_MS = 2_000;

    private final Namespace namespace;
    private final CommandJournal journal;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionTarget>> connectListeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<DedicatedClient> dedicated = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean healthInFlight = new AtomicBoolean();

    private volatile ClientHandle client;
    private volatile ConnectionTarget target;
    private volatile ConnectionStatus status = new ConnectionStatus(ConnectionStatus.State.DOWN, "", false, "", "",
            List.of(), -1, "Not connected");
    private volatile int generation;
    private ScheduledFuture<?> healthTask;
    private ScheduledFuture<?> retryTask;

    public ValkeyGateway(Namespace namespace, CommandJournal journal) {
        this.namespace = namespace;
        this.journal = journal;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "vx-gateway");
            t.setDaemon(true);
            return t;
        });
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

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A handle that tags each command with the tab and the connection (worker) that sent it. */
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
     * Runs (on a gateway thread) each time a connection to a new target is established (the first
     * connect, or Connect… to another server): dedicated clients of the old target are closed by then.
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
     * gateway keeps retrying in the background.
     */
    public synchronized CompletableFuture<ConnectionStatus> connect(ConnectionTarget newTarget) {
        int gen = ++generation;
        this.target = newTarget;
        cancelTasks();
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
        return createClient(t, ClientOptions.DEFAULT, "valkey-explainer")
                .thenCompose(c -> {
                    if (gen != generation) {
                        closeQuietly(c);
                        return CompletableFuture.completedFuture(status);
                    }
                    client = c;
                    journalEvent("CONNECT " + t.redacted() + (c.cluster() ? " (cluster)" : ""), "OK");
                    return refreshServerInfo().thenApply(s -> {
                        publish(status.withState(ConnectionStatus.State.CONNECTED, "Connected to " + t.redacted()));
                        startHealth(gen);
                        connectListeners.forEach(l -> runQuietly(() -> l.accept(t)));
                        return status;
                    });
                })
                .exceptionallyAsync(e -> {
                    if (gen != generation) return status;
                    String msg = friendlyConnectError(t, e);
                    journalEvent("CONNECT " + t.redacted(), "(error) " + msg);
                    publish(status.withState(ConnectionStatus.State.DOWN, msg + " Retrying every 2 s."));
                    synchronized (this) {
                        if (gen == generation) {
                            retryTask = scheduler.schedule(() -> attempt(gen), RETRY_CONNECT_MS, TimeUnit.MILLISECONDS);
                        }
                    }
                    return status;
                }, scheduler);
    }

    private CompletableFuture<ClientHandle> createClient(ConnectionTarget t, ClientOptions o, String clientName) {
        ServerCredentials creds = null;
        if (t.hasPassword()) {
            var b = ServerCredentials.builder().password(t.password());
            if (t.username() != null) b.username(t.username());
            creds = b.build();
        }
        NodeAddress address = NodeAddress.builder().host(t.host()).port(t.port()).build();
        var cfg = GlideClientConfiguration.builder().address(address).useTLS(t.tls())
                .requestTimeout(o.requestTimeoutMs()).protocol(o.protocol()).clientName(clientName)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder().connectionTimeout(2_000).build());
        if (creds != null) cfg.credentials(creds);
        if (o.standaloneSubscriptions() != null) cfg.subscriptionConfiguration(o.standaloneSubscriptions());
        ServerCredentials finalCreds = creds;
        ClientHandle known = client;
        if (known != null && known.cluster() && o.standaloneSubscriptions() == null) {
            return clusterClient(t, o, clientName, address, finalCreds); // the shared client already told us
        }
        // Connect standalone first; if the server says it is a cluster node, reconnect with a cluster client.
        return GlideClient.createClient(cfg.build()).thenCompose(standalone ->
                standalone.customCommand(new String[]{"INFO", "cluster"}).thenCompose(info -> {
                    boolean cluster = InfoParser.fields(String.valueOf(info)).getOrDefault("cluster_enabled", "0").equals("1");
                    if (!cluster) return CompletableFuture.completedFuture(new ClientHandle(standalone));
                    closeQuietly(new ClientHandle(standalone));
                    return clusterClient(t, o, clientName, address, finalCreds);
                }));
    }

    private static CompletableFuture<ClientHandle> clusterClient(ConnectionTarget t, ClientOptions o, String clientName,
                                                                 NodeAddress address, ServerCredentials creds) {
        var ccfg = GlideClusterClientConfiguration.builder().address(address).useTLS(t.tls())
                .requestTimeout(o.requestTimeoutMs()).protocol(o.protocol()).clientName(clientName);
        if (creds != null) ccfg.credentials(creds);
        if (o.clusterSubscriptions() != null) ccfg.subscriptionConfiguration(o.clusterSubscriptions());
        return GlideClusterClient.createClient(ccfg.build()).thenApply(ClientHandle::new);
    }

    /**
     * Opens a connection of the concept's own to the current server (see {@link DedicatedClient}).
     * Fails when not connected. The client's name on the server is {@code vx-<connection>}.
     */
    public CompletableFuture<DedicatedClient> openClient(String conceptId, String connection, ClientOptions options) {
        ConnectionTarget t = target;
        int gen = generation;
        if (t == null || client == null) return CompletableFuture.failedFuture(new NotConnectedException(status.message()));
        return createClient(t, options, "vx-" + connection.replaceAll("[^A-Za-z0-9_.-]", "-")).thenApply(h -> {
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

    /** Turns Glide's connection errors into a sentence a user can act on. */
    static String friendlyConnectError(ConnectionTarget t, Throwable e) {
        String raw = JournalFormat.errorMessage(e);
        String lower = raw.toLowerCase(Locale.ROOT);
        String where = t.host() + ":" + t.port();
        if (lower.contains("wrongpass") || lower.contains("noauth") || lower.contains("invalid username-password")
                || lower.contains("auth")) {
            return "Authentication failed at " + where + ": wrong user name or password.";
        }
        if (lower.contains("refused")) {
            // Glide says "Connection refused" for a closed port and for a failed login alike: a TCP probe tells them apart.
            if (!portOpen(t)) return "Connection refused: nothing is listening at " + where + ".";
            if (t.hasPassword()) {
                return "Authentication failed at " + where + ": the server is listening but refused the login"
                        + " (wrong user name or password?" + (t.tls() ? "" : " or does it need TLS, valkeys://?") + ")";
            }
            return "The server at " + where + " is listening but refused the connection: it may need a password"
                    + " (valkey://user:password@host:port) or TLS (valkeys://).";
        }
        if (lower.contains("lookup") || lower.contains("resolve") || lower.contains("name or service")) {
            return "Unknown host '" + t.host() + "'.";
        }
        if (lower.contains("timed out") || lower.contains("timeout")) return "No answer from " + where + " (timed out).";
        if (lower.contains("tls") || lower.contains("ssl") || lower.contains("certificate")) {
            return "TLS handshake with " + where + " failed: " + raw;
        }
        return "Could not connect to " + where + ": " + raw;
    }

    private static boolean portOpen(ConnectionTarget t) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(t.host(), t.port()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private CompletableFuture<ConnectionStatus> refreshServerInfo() {
        return sendInternal(HEALTH, HEALTH, Commands.read("INFO", "server"))
                .thenCombine(sendInternal(HEALTH, HEALTH, Commands.read("MODULE", "LIST"))
                        .exceptionally(e -> new Object[0]), (info, mods) -> {
                    Map<String, String> f = InfoParser.fields(String.valueOf(info));
                    String version = f.getOrDefault("valkey_version", f.getOrDefault("redis_version", "?"));
                    String mode = client != null && client.cluster() ? "cluster" : f.getOrDefault("server_mode",
                            f.getOrDefault("redis_mode", "standalone"));
                    publish(status.withServer(version, mode, InfoParser.modules(mods)));
                    return status;
                });
    }

    private synchronized void startHealth(int gen) {
        if (gen != generation) return;
        healthTask = scheduler.scheduleWithFixedDelay(this::healthCheck, HEALTH_INTERVAL_MS, HEALTH_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    /** One PING; a missing answer within 500 ms marks the server as gone, the next answer as back. */
    private void healthCheck() {
        ClientHandle c = client;
        if (c == null || !healthInFlight.compareAndSet(false, true)) return;
        long t0 = System.nanoTime();
        sendInternal(HEALTH, HEALTH, Commands.ping())
                .orTimeout(HEALTH_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .whenComplete((pong, e) -> {
                    healthInFlight.set(false);
                    if (c != client) return;
                    if (e != null) {
                        if (status.state() != ConnectionStatus.State.DOWN) {
                            String why = JournalFormat.errorMessage(e);
                            if (why.endsWith("TimeoutException")) why = "no answer to PING within " + HEALTH_TIMEOUT_MS + " ms";
                            publish(status.withState(ConnectionStatus.State.DOWN, "Lost the server at " + target.redacted()
                                    + ": " + why + ". Reconnecting automatically…").withLatency(-1));
                        }
                        return;
                    }
                    long micros = (System.nanoTime() - t0) / 1_000;
                    if (status.state() == ConnectionStatus.State.DOWN) {
                        // Glide has reconnected by itself; the new connection has a new CLIENT ID and none of
                        // the per-connection state (CLIENT TRACKING, …), so listeners re-apply theirs.
                        refreshServerInfo().whenComplete((s, err) -> {
                            publish(status.withState(ConnectionStatus.State.CONNECTED, "Reconnected to " + target.redacted())
                                    .withLatency(micros));
                            reconnectListeners.forEach(ValkeyGateway::runQuietly);
                        });
                    } else {
                        publish(status.withLatency(micros));
                    }
                });
    }

    // ---------------------------------------------------------------- sending

    /** Sends a command through the namespace guard, and journals it. */
    public <T> CompletableFuture<T> send(String conceptId, String connection, ValkeyCall<T> call) {
        for (String key : call.writtenKeys()) {
            try {
                namespace.requireOwned(call.name(), key);
            } catch (Namespace.NamespaceViolation v) {
                return CompletableFuture.failedFuture(v);
            }
        }
        return sendInternal(conceptId, connection, call);
    }

    private <T> CompletableFuture<T> sendInternal(String conceptId, String connection, ValkeyCall<T> call) {
        ClientHandle c = client;
        if (c == null) return CompletableFuture.failedFuture(new NotConnectedException(status.message()));
        return run(c, conceptId, connection, call);
    }

    /** A dedicated client's command: the same guard and journal as the shared client's. */
    <T> CompletableFuture<T> sendOn(ClientHandle c, String conceptId, String connection, ValkeyCall<T> call) {
        for (String key : call.writtenKeys()) {
            try {
                namespace.requireOwned(call.name(), key);
            } catch (Namespace.NamespaceViolation v) {
                return CompletableFuture.failedFuture(v);
            }
        }
        return run(c, conceptId, connection, call);
    }

    private <T> CompletableFuture<T> run(ClientHandle c, String conceptId, String connection, ValkeyCall<T> call) {
        long t0 = System.nanoTime();
        CompletableFuture<T> f;
        try {
            f = call.action().apply(c);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((reply, error) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            journal.add(JournalEntry.command(journal.nextSeq(), Instant.now(), connection, conceptId, call.args(),
                    error == null ? JournalFormat.reply(reply) : JournalFormat.reply(error), micros, error != null,
                    call.glideJava(), target));
        });
    }

    /**
     * Sends several commands in one round trip: {@code atomic} = MULTI/EXEC, else a pipeline. The
     * journal gets one row for the whole batch. Replies come back in order; a failed command's
     * reply is its exception.
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
            try {
                namespace.requireOwned(atomic ? "MULTI/EXEC" : "pipeline", key);
            } catch (Namespace.NamespaceViolation v) {
                return CompletableFuture.failedFuture(v);
            }
        }
        List<String[]> arrays = commands.stream().map(l -> l.toArray(String[]::new)).toList();
        long t0 = System.nanoTime();
        return c.batch(arrays, atomic, 30_000).whenComplete((replies, error) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            String reply = error != null ? JournalFormat.reply(error) : replies == null ? "(nil) aborted" : JournalFormat.reply(replies);
            journal.add(JournalEntry.batch(journal.nextSeq(), Instant.now(), connection, conceptId, atomic, commands, reply,
                    micros, error != null, glideJava, target));
        });
    }

    /**
     * "Reset demo data": deletes every key that starts with the namespace prefix, and only those,
     * with SCAN MATCH + UNLINK (never FLUSHDB). Completes with the number of keys removed.
     */
    public CompletableFuture<Long> resetNamespace(String conceptId) {
        return scanKeys(conceptId, "reset", namespace.prefix(), Long.MAX_VALUE,
                keys -> send(conceptId, "reset", Commands.unlink(keys.toArray(String[]::new))));
    }

    /** Deletes the keys that start with {@code prefix}, which must itself be inside the namespace. */
    public CompletableFuture<Long> deleteByPrefix(String conceptId, String connection, String prefix) {
        if (!namespace.owns(prefix) || prefix.contains("*") || prefix.contains("?") || prefix.contains("[")) {
            return CompletableFuture.failedFuture(new Namespace.NamespaceViolation("Refused to delete keys under '" + prefix
                    + "': only plain prefixes inside '" + namespace.prefix() + "'."));
        }
        return scanKeys(conceptId, connection, prefix, Long.MAX_VALUE,
                keys -> send(conceptId, connection, Commands.unlink(keys.toArray(String[]::new))));
    }

    /** Counts the keys of the namespace (SCAN MATCH, stops at {@code cap}). */
    public CompletableFuture<Long> countNamespaceKeys(String conceptId, String connection, long cap) {
        return scanKeys(conceptId, connection, namespace.prefix(), cap,
                keys -> CompletableFuture.completedFuture((long) keys.size()));
    }

    /**
     * Walks every key that starts with {@code prefix} with SCAN MATCH, one page of up to 1,000 at a
     * time, and adds up what {@code perPage} returns for each page. On a cluster the scan covers every
     * primary (Glide's cluster cursor); on a standalone server it is the plain cursor.
     */
    private CompletableFuture<Long> scanKeys(String conceptId, String connection, String prefix, long cap,
                                             java.util.function.Function<List<String>, CompletableFuture<Long>> perPage) {
        ClientHandle c = client;
        if (c != null && c.cluster()) {
            return clusterPage(conceptId, connection, prefix, glide.api.models.commands.scan.ClusterScanCursor.initialCursor(),
                    0, cap, perPage);
        }
        return page(conceptId, connection, prefix, "0", 0, cap, perPage);
    }

    private CompletableFuture<Long> page(String conceptId, String connection, String prefix, String cursor, long total,
                                         long cap, java.util.function.Function<List<String>, CompletableFuture<Long>> perPage) {
        return send(conceptId, connection, Commands.read("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"))
                .thenCompose(reply -> {
                    Object[] parts = (Object[]) reply;
                    String next = String.valueOf(parts[0]);
                    return apply(ownedKeys((Object[]) parts[1], prefix), perPage).thenCompose(n ->
                            "0".equals(next) || total + n >= cap ? CompletableFuture.completedFuture(total + n)
                                    : page(conceptId, connection, prefix, next, total + n, cap, perPage));
                });
    }

    private CompletableFuture<Long> clusterPage(String conceptId, String connection, String prefix,
                                                glide.api.models.commands.scan.ClusterScanCursor cursor, long total, long cap,
                                                java.util.function.Function<List<String>, CompletableFuture<Long>> perPage) {
        var options = glide.api.models.commands.scan.ScanOptions.builder().matchPattern(prefix + "*").count(1000L).build();
        ValkeyCall<Object[]> call = new ValkeyCall<>(List.of("SCAN", "(cluster cursor: every primary)", "MATCH", prefix + "*",
                "COUNT", "1000"), List.of(), "clusterClient.scan(cursor, ScanOptions.builder()\n    .matchPattern("
                + JournalFormat.javaString(prefix + "*") + ").count(1000L).build())",
                h -> ((GlideClusterClient) h.glide()).scan(cursor, options));
        return send(conceptId, connection, call).thenCompose(reply -> {
            var next = (glide.api.models.commands.scan.ClusterScanCursor) reply[0];
            return apply(ownedKeys((Object[]) reply[1], prefix), perPage).thenCompose(n -> {
                if (next.isFinished() || total + n >= cap) {
                    next.releaseCursorHandle();
                    return CompletableFuture.completedFuture(total + n);
                }
                return clusterPage(conceptId, connection, prefix, next, total + n, cap, perPage);
            });
        });
    }

    /** The page's keys that really start with the prefix (MATCH is a glob; the rule is a prefix). */
    private List<String> ownedKeys(Object[] page, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Object k : page) {
            String key = String.valueOf(k);
            if (namespace.owns(key) && key.startsWith(prefix)) keys.add(key);
        }
        return keys;
    }

    private static CompletableFuture<Long> apply(List<String> keys,
                                                 java.util.function.Function<List<String>, CompletableFuture<Long>> perPage) {
        return keys.isEmpty() ? CompletableFuture.completedFuture(0L) : perPage.apply(keys);
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
            } catch (RuntimeException ignored) {
                // a listener's bug must not break the connection watch
            }
        }
    }

    private synchronized void cancelTasks() {
        if (healthTask != null) healthTask.cancel(false);
        if (retryTask != null) retryTask.cancel(false);
        healthTask = null;
        retryTask = null;
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // one listener failing must not stop the others
        }
    }

    static void closeQuietly(ClientHandle c) {
        try {
            BaseClient g = c.glide();
            g.close();
        } catch (Exception ignored) {
            // closing a dead client can fail; nothing to do
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

    /** A command was asked for while no server is connected. */
    public static final class NotConnectedException extends IllegalStateException {
        public NotConnectedException(String message) {
            super(message);
        }
    }

    /** The gateway as seen by one tab and one of its connections (workers). */
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

        public String key(String suffix) {
            return gateway.namespace().key(suffix);
        }
    }
}
