package dev.valkeyexplainer.valkey;

import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ServerCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Opens Glide clients to a target: standalone first, and a cluster client when the server says it
 * is a cluster node. When opening fails, a {@link ServerProbe} on the blocking executor finds out
 * why; a user who may not run CLIENT SETNAME is connected again without a client name (Glide sends
 * CLIENT SETNAME while connecting), every other cause fails with a {@link ConnectFailure} carrying a
 * sentence for the user and whether retrying can help.
 */
final class Connector {

    static final int CONNECT_TIMEOUT_MS = 2_000;

    /** Opening a client failed; the message is for people and never contains the password. */
    static final class ConnectFailure extends RuntimeException {
        private final boolean retry;

        ConnectFailure(String message, boolean retry) {
            super(message);
            this.retry = retry;
        }

        boolean retry() {
            return retry;
        }
    }

    private final Executor blocking;
    private volatile boolean withoutName;

    Connector(Executor blocking) {
        this.blocking = blocking;
    }

    /**
     * @param knownCluster true when the shared client already found a cluster (skips the standalone try)
     */
    CompletableFuture<ClientHandle> open(ConnectionTarget t, ClientOptions o, String clientName, boolean knownCluster) {
        return openGlide(t, o, clientName, knownCluster);
    }

    /**
     * Checks the login first with one raw connection, then opens the Glide client. Glide 2.3.1 keeps
     * retrying a failed login in the background after {@code createClient} has failed (each attempt an
     * entry in the server's ACL log), so a login that can never succeed must not reach Glide at all.
     */
    CompletableFuture<ClientHandle> openChecked(ConnectionTarget t, ClientOptions o, String clientName) {
        return CompletableFuture.supplyAsync(() -> ServerProbe.diagnose(t), blocking).thenCompose(d -> {
            if (d.dropClientName()) withoutName = true;
            else if (!d.retry() || !d.serverAnswered()) {
                return CompletableFuture.failedFuture(new ConnectFailure(d.message(), d.retry()));
            }
            return openGlide(t, o, clientName, false);
        });
    }

    private CompletableFuture<ClientHandle> openGlide(ConnectionTarget t, ClientOptions o, String clientName, boolean knownCluster) {
        return attempt(t, o, withoutName ? null : clientName, knownCluster).handle((h, e) -> {
            if (e == null) return CompletableFuture.completedFuture(h);
            return CompletableFuture.supplyAsync(() -> ServerProbe.diagnose(t), blocking).thenCompose(d -> {
                if (d.dropClientName() && !withoutName) {
                    withoutName = true;
                    return attempt(t, o, null, knownCluster).exceptionallyCompose(e2 -> CompletableFuture.failedFuture(
                            new ConnectFailure(d.message() + " That failed too: " + JournalFormat.errorMessage(e2), true)));
                }
                return CompletableFuture.<ClientHandle>failedFuture(new ConnectFailure(d.message(), d.retry()));
            });
        }).thenCompose(f -> f);
    }

    private CompletableFuture<ClientHandle> attempt(ConnectionTarget t, ClientOptions o, String clientName, boolean knownCluster) {
        ServerCredentials creds = credentials(t);
        NodeAddress address = NodeAddress.builder().host(t.host()).port(t.port()).build();
        if (knownCluster && o.standaloneSubscriptions() == null) return cluster(t, o, clientName, address, creds);
        var cfg = GlideClientConfiguration.builder().address(address).useTLS(t.tls())
                .requestTimeout(o.requestTimeoutMs()).protocol(o.protocol())
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder().connectionTimeout(CONNECT_TIMEOUT_MS).build());
        if (clientName != null) cfg.clientName(clientName);
        if (creds != null) cfg.credentials(creds);
        if (t.database() > 0) cfg.databaseId(t.database());
        if (o.standaloneSubscriptions() != null) cfg.subscriptionConfiguration(o.standaloneSubscriptions());
        return GlideClient.createClient(cfg.build()).thenCompose(standalone ->
                standalone.customCommand(new String[]{"INFO", "cluster"}).thenCompose(info -> {
                    boolean isCluster = InfoParser.fields(String.valueOf(info)).getOrDefault("cluster_enabled", "0").equals("1");
                    if (!isCluster) return CompletableFuture.completedFuture(new ClientHandle(standalone));
                    ValkeyGateway.closeQuietly(new ClientHandle(standalone));
                    if (t.database() > 0) {
                        return CompletableFuture.failedFuture(new ConnectFailure("A cluster has only database 0; remove /"
                                + t.database() + " from the address.", false));
                    }
                    return cluster(t, o, clientName, address, creds);
                }));
    }

    private static CompletableFuture<ClientHandle> cluster(ConnectionTarget t, ClientOptions o, String clientName,
                                                           NodeAddress address, ServerCredentials creds) {
        var ccfg = GlideClusterClientConfiguration.builder().address(address).useTLS(t.tls())
                .requestTimeout(o.requestTimeoutMs()).protocol(o.protocol());
        if (clientName != null) ccfg.clientName(clientName);
        if (creds != null) ccfg.credentials(creds);
        if (o.clusterSubscriptions() != null) ccfg.subscriptionConfiguration(o.clusterSubscriptions());
        return GlideClusterClient.createClient(ccfg.build()).thenApply(ClientHandle::new);
    }

    private static ServerCredentials credentials(ConnectionTarget t) {
        if (!t.hasPassword()) return null;
        var b = ServerCredentials.builder().password(t.password());
        if (t.username() != null) b.username(t.username());
        return b.build();
    }

    /** Whether the next connection should be opened without CLIENT SETNAME (set once a NOPERM was seen). */
    boolean withoutClientName() {
        return withoutName;
    }

    /** A new target: forget what was learned about the old one. */
    void reset() {
        withoutName = false;
    }
}
