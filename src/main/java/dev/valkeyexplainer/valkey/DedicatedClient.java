package dev.valkeyexplainer.valkey;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A connection of a concept's own, beside the gateway's shared client: for state that lives on one
 * connection (CLIENT TRACKING, a subscription, WATCH) or for many clients at once (a stress test).
 * It is a separate Glide client to the same server with the same credentials; every command it sends
 * still passes the namespace guard and lands in the journal under its connection name.
 *
 * <p>Made by {@link ValkeyGateway#openClient}; closed by its owner, and by the gateway when the app
 * connects elsewhere or exits. After an outage Glide reconnects it by itself, but per-connection
 * state is gone (new CLIENT ID, no tracking): owners re-apply it in a reconnect listener.
 */
public final class DedicatedClient implements AutoCloseable {

    private final ValkeyGateway gateway;
    private final ClientHandle handle;
    private final String conceptId;
    private final String connection;
    private volatile boolean closed;

    DedicatedClient(ValkeyGateway gateway, ClientHandle handle, String conceptId, String connection) {
        this.gateway = gateway;
        this.handle = handle;
        this.conceptId = conceptId;
        this.connection = connection;
    }

    /** Sends one command on this connection (namespace guard and journal as for the shared client). */
    public <T> CompletableFuture<T> send(ValkeyCall<T> call) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException(connection + " is closed"));
        return gateway.sendOn(handle, conceptId, connection, call);
    }

    /** A pipeline ({@code atomic} false) or MULTI/EXEC ({@code atomic} true) on this connection: one journal row. */
    public CompletableFuture<Object[]> batch(boolean atomic, List<List<String>> commands, List<String> writtenKeys,
                                             String glideJava) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException(connection + " is closed"));
        return gateway.batchOn(handle, conceptId, connection, atomic, commands, writtenKeys, glideJava);
    }

    /** The Glide client itself, for calls the gateway does not wrap (e.g. dynamic subscribe). Journal what you send. */
    public ClientHandle handle() {
        return handle;
    }

    public String connection() {
        return connection;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        gateway.forget(this);
        ValkeyGateway.closeQuietly(handle);
    }
}
