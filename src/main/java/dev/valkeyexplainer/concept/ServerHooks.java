package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The gateway listeners one concept view holds, added together in {@code createView} and removed
 * together in {@code dispose}, so a view that is replaced leaves nothing listening behind.
 * <ul>
 *   <li>{@link #onReconnect}: the same server answers again; per-connection state (loaded scripts in a
 *       new process, CLIENT TRACKING) may be gone. Runs on a gateway thread.</li>
 *   <li>{@link #onNewData}: what the server holds may be new: the app connected to another server, or
 *       the same address answers with a new process (its {@code run_id} changed: a restarted server
 *       starts with only what it loaded). Remembered results no longer describe it. Runs on the FX
 *       thread.</li>
 * </ul>
 */
public final class ServerHooks {

    private final ValkeyGateway gateway;
    private final Executor fx;
    private final List<Runnable> removals = new ArrayList<>();

    public ServerHooks(ValkeyGateway gateway, Executor fx) {
        this.gateway = gateway;
        this.fx = fx;
    }

    /** Adds {@code r} (gateway thread) for each reconnection to the same server. */
    public ServerHooks onReconnect(Runnable r) {
        gateway.addReconnectListener(r);
        removals.add(() -> gateway.removeReconnectListener(r));
        return this;
    }

    /** Adds {@code fxAction} (FX thread) for a new server or a restarted one. */
    public ServerHooks onNewData(Runnable fxAction) {
        Consumer<ConnectionTarget> connected = t -> fx.execute(fxAction);
        Runnable restarted = () -> fx.execute(fxAction);
        gateway.addConnectListener(connected);
        gateway.addRestartListener(restarted);
        removals.add(() -> gateway.removeConnectListener(connected));
        removals.add(() -> gateway.removeRestartListener(restarted));
        return this;
    }

    /** Removes every listener added through this object (idempotent). */
    public void remove() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
