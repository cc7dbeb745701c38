package dev.valkeyexplainer.valkey;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the shared connection: a PING every {@link #INTERVAL_MS}; no answer within
 * {@link #TIMEOUT_MS} marks the server as gone (so the status bar says so within a second), and
 * the first answer after that as back. Glide reconnects by itself; the gateway then tells its
 * reconnect listeners, because per-connection state (CLIENT TRACKING, subscriptions) is gone.
 */
final class HealthWatch {

    static final int INTERVAL_MS = 250;
    static final int TIMEOUT_MS = 500;

    /** What the gateway does with each outcome (called on Glide's or the scheduler's threads). */
    interface Listener {
        void answered(long micros);

        void silent(String why);
    }

    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;

    HealthWatch(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param command PING, or for a user who may not run it (PING is in the @connection category) a
     *                command the client library itself needs, so it is always allowed: {@code INFO keyspace}
     */
    synchronized void start(ClientHandle client, String[] command, Listener listener) {
        stop();
        if (scheduler.isShutdown()) return; // the app is closing
        try {
            task = scheduler.scheduleWithFixedDelay(Periodic.surviving("health check", () -> check(client, command, listener)),
                    INTERVAL_MS, INTERVAL_MS,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task = null; // closed between the check and the call
        }
    }

    synchronized void stop() {
        if (task != null) task.cancel(false);
        task = null;
    }

    private void check(ClientHandle c, String[] command, Listener listener) {
        if (!inFlight.compareAndSet(false, true)) return;
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<Object> answer;
        try {
            answer = c.custom(command);
        } catch (RuntimeException e) { // a client closed under us: say so, and the next check runs as planned
            inFlight.set(false);
            listener.silent(JournalFormat.errorMessage(e));
            return;
        }
        answer.orTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((pong, e) -> {
            inFlight.set(false);
            if (e == null) {
                listener.answered((System.nanoTime() - t0) / 1_000);
            } else {
                String why = JournalFormat.errorMessage(e);
                if (why.endsWith("TimeoutException")) why = "no answer to PING within " + TIMEOUT_MS + " ms";
                listener.silent(why);
            }
        });
    }
}
