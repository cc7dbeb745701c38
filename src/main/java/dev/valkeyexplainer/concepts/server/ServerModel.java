package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Server concept's state, without nodes: the newest reading of the server (one INFO, plus the
 * gateway's paced SCAN count of the namespace, since a SCAN is not free on a big server) and the
 * traffic run. Readings are made off the FX thread by the concept's poller.
 */
final class ServerModel {

    static final long POLL_MS = 250;

    private final ValkeyGateway gateway;
    private final ValkeyGateway.Scope poll;
    private final TrafficRun traffic;
    private final AtomicReference<ServerSnapshot> last = new AtomicReference<>();
    private final List<CompletableFuture<ServerSnapshot>> waiting = new ArrayList<>();
    private final List<CompletableFuture<ServerSnapshot>> waitingCounted = new ArrayList<>();
    private volatile long nsKeys = -1;

    ServerModel(ValkeyGateway gateway, ValkeyGateway.Scope poll, ValkeyGateway.Scope demo) {
        this.gateway = gateway;
        this.poll = poll;
        this.traffic = new TrafficRun(demo);
    }

    /** One reading (any thread): INFO, and the namespace count when it is due. */
    CompletionStage<ServerSnapshot> read() {
        boolean counted;
        synchronized (waiting) {
            counted = !waitingCounted.isEmpty();
        }
        // the gateway counts the namespace in the background, paced, and answers with its last count at once;
        // a reading that must show the keys just written (a picture) asks for a count now
        CompletableFuture<Long> ns = (counted ? gateway.countNamespaceKeysNow(poll.conceptId(), poll.connection())
                : gateway.countNamespaceKeys(poll.conceptId(), poll.connection(), 100_000)).thenApply(n -> nsKeys = n);
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

    /** After "Reset demo data": the count shown is the gateway's next one. */
    void onReset() {
        nsKeys = -1;
    }
}
