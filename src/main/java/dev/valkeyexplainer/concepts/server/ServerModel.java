package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Server concept's state, without nodes: the newest reading of the server (one INFO, plus a SCAN
 * count of the namespace every {@value #NAMESPACE_COUNT_EVERY} polls, since a SCAN is not free on a big
 * server) and the traffic run. Readings are made off the FX thread by the concept's poller.
 */
final class ServerModel {

    static final long POLL_MS = 250;
    static final int NAMESPACE_COUNT_EVERY = 8; // polls: the namespace is counted every 2 s

    private final ValkeyGateway gateway;
    private final ValkeyGateway.Scope poll;
    private final TrafficRun traffic;
    private final AtomicReference<ServerSnapshot> last = new AtomicReference<>();
    private final List<CompletableFuture<ServerSnapshot>> waiting = new ArrayList<>();
    private final List<CompletableFuture<ServerSnapshot>> waitingCounted = new ArrayList<>();
    private volatile long nsKeys = -1;
    private volatile int polls;

    ServerModel(ValkeyGateway gateway, ValkeyGateway.Scope poll, ValkeyGateway.Scope demo) {
        this.gateway = gateway;
        this.poll = poll;
        this.traffic = new TrafficRun(demo);
    }

    /** One reading (any thread): INFO, and the namespace count when it is due. */
    CompletionStage<ServerSnapshot> read() {
        CompletableFuture<Long> ns = CompletableFuture.completedFuture(nsKeys);
        boolean counted;
        synchronized (waiting) {
            counted = polls++ % NAMESPACE_COUNT_EVERY == 0 || !waitingCounted.isEmpty();
        }
        if (counted) ns = gateway.countNamespaceKeys(poll.conceptId(), poll.connection(), 100_000).thenApply(n -> nsKeys = n);
        return ns.thenCompose(n -> poll.send(Commands.read("INFO", "server", "clients", "memory", "stats", "keyspace")))
                .thenApply(info -> {
                    ServerSnapshot s = ServerSnapshot.fromInfo(String.valueOf(info), System.nanoTime(), last.get(), nsKeys);
                    last.set(s);
                    List<CompletableFuture<ServerSnapshot>> due = new ArrayList<>();
                    synchronized (waiting) {
                        due.addAll(waiting);
                        waiting.clear();
                        if (counted) {
                            due.addAll(waitingCounted);
                            waitingCounted.clear();
                        }
                    }
                    due.forEach(f -> f.complete(s));
                    return s;
                });
    }

    /** The newest reading, or null before the first. */
    ServerSnapshot last() {
        return last.get();
    }

    /** Completes with the first reading taken after this call (a picture that must show what just happened). */
    CompletableFuture<ServerSnapshot> nextReading() {
        CompletableFuture<ServerSnapshot> f = new CompletableFuture<>();
        synchronized (waiting) {
            waiting.add(f);
        }
        return f;
    }

    /** Completes with the first reading after this call that also counted the namespace afresh (it asks for one). */
    CompletableFuture<ServerSnapshot> nextCountedReading() {
        CompletableFuture<ServerSnapshot> f = new CompletableFuture<>();
        synchronized (waiting) {
            waitingCounted.add(f);
        }
        return f;
    }

    CompletableFuture<TrafficRun.Result> sendTraffic() {
        return traffic.run();
    }

    String namespacePrefix() {
        return gateway.namespace().prefix();
    }

    /** After "Reset demo data": count the namespace again at the next poll. */
    void onReset() {
        nsKeys = -1;
        polls = 0;
    }
}
