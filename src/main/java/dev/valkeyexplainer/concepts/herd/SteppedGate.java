package dev.valkeyexplainer.concepts.herd;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Holds every worker's next command until it is released, in the order the workers reached it, so a
 * race can be played one command at a time: worker 1 GET, worker 2 GET, worker 1 SET NX, …
 */
final class SteppedGate implements HerdRace.Gate {

    /** A worker waiting to send {@code command}. */
    record Waiting(int worker, String command, CompletableFuture<Void> go) {
    }

    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private CompletableFuture<Void> arrival = new CompletableFuture<>();
    private boolean abandoned;

    @Override
    public synchronized CompletableFuture<Void> before(int worker, String command) {
        if (abandoned) return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException("the race was reset"));
        CompletableFuture<Void> go = new CompletableFuture<>();
        queue.addLast(new Waiting(worker, command, go));
        arrival.complete(null);
        return go;
    }

    /** Completes when some worker is waiting (at once if one already is). */
    synchronized CompletableFuture<Void> nextArrival() {
        if (!queue.isEmpty()) return CompletableFuture.completedFuture(null);
        if (arrival.isDone()) arrival = new CompletableFuture<>();
        return arrival;
    }

    /**
     * Lets the longest-waiting worker go; null when nobody waits. {@code beforeGo} runs first, so a
     * caller can start listening for that worker's reply before the command can possibly answer.
     */
    Waiting releaseOne(java.util.function.Consumer<Waiting> beforeGo) {
        Waiting w;
        synchronized (this) {
            w = queue.pollFirst();
        }
        if (w != null) {
            beforeGo.accept(w);
            w.go().complete(null);
        }
        return w;
    }

    synchronized int waiting() {
        return queue.size();
    }

    /**
     * The race is being abandoned (Reset, or a new race): every waiting worker, and every one that comes
     * later, stops without sending its command, so an old race never runs on beside a new one.
     */
    synchronized void abandon() {
        abandoned = true;
        while (!queue.isEmpty()) queue.pollFirst().go().completeExceptionally(new java.util.concurrent.CancellationException("the race was reset"));
        arrival.complete(null);
    }
}
