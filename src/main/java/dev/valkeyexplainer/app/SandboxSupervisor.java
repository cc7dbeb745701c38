package dev.valkeyexplainer.app;

import dev.valkeyexplainer.valkey.ConnectionStatus;
import dev.valkeyexplainer.valkey.ManagedValkeyServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings the sandbox back when its process dies (killed, crashed, out of memory): when the
 * connection to the sandbox is lost and its process is gone, a new server is started (new port, new
 * password) and the app moves to it. A crash loop stops: after {@link #MAX_RESTARTS} restarts within
 * {@link #WINDOW_MS}, it gives up and says so, with the server's last log lines.
 */
final class SandboxSupervisor {

    static final int MAX_RESTARTS = 3;
    static final long WINDOW_MS = 60_000;

    private final Supplier<ManagedValkeyServer> current;
    private final Runnable restart;
    private final Consumer<String> notice;
    private final Deque<Long> restarts = new ArrayDeque<>();
    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean gaveUp;

    SandboxSupervisor(Supplier<ManagedValkeyServer> current, Runnable restart, Consumer<String> notice) {
        this.current = current;
        this.restart = restart;
        this.notice = notice;
    }

    /** Gateway status listener (gateway threads). */
    void onStatus(ConnectionStatus s) {
        if (s.connected()) {
            restarting.set(false);
            if (gaveUp && server() != null && server().isRunning()) { // Connect… started a new sandbox by hand
                gaveUp = false;
                synchronized (restarts) {
                    restarts.clear();
                }
            }
            return;
        }
        ManagedValkeyServer server = current.get();
        if (stopped || gaveUp || !s.sandbox() || s.state() != ConnectionStatus.State.DOWN || server == null
                || server.isRunning() || !restarting.compareAndSet(false, true)) {
            return;
        }
        long now = System.currentTimeMillis();
        synchronized (restarts) {
            while (!restarts.isEmpty() && now - restarts.peekFirst() > WINDOW_MS) restarts.removeFirst();
            if (restarts.size() >= MAX_RESTARTS) {
                gaveUp = true;
                notice.accept("The sandbox server died " + (MAX_RESTARTS + 1) + " times within a minute (restarted "
                        + MAX_RESTARTS + " times); not restarting it again. Connect… → sandbox starts a new one. Its last"
                        + " log lines: " + String.join(" | ", server.lastLog(3)));
                return;
            }
            restarts.addLast(now);
        }
        restart.run();
    }

    private ManagedValkeyServer server() {
        return current.get();
    }

    int restartsInWindow() {
        synchronized (restarts) {
            return restarts.size();
        }
    }

    boolean gaveUp() {
        return gaveUp;
    }

    void stop() {
        stopped = true;
    }
}
