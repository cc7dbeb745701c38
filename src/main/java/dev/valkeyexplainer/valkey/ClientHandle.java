package dev.valkeyexplainer.valkey;

import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.Batch;
import glide.api.models.ClusterBatch;
import glide.api.models.ClusterValue;
import glide.api.models.commands.batch.BatchOptions;
import glide.api.models.commands.batch.ClusterBatchOptions;
import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** The live Glide client, standalone or cluster, with the one call whose shape differs between them. */
public record ClientHandle(BaseClient glide) {

    public boolean cluster() {
        return glide instanceof GlideClusterClient;
    }

    /** {@code customCommand}: a cluster client wraps replies in {@link ClusterValue}; this unwraps them. */
    public CompletableFuture<Object> custom(String[] args) {
        if (glide instanceof GlideClient c) return c.customCommand(args);
        return ((GlideClusterClient) glide).customCommand(args).thenApply(ClientHandle::unwrap);
    }

    public CompletableFuture<Object> custom(GlideString[] args) {
        if (glide instanceof GlideClient c) return c.customCommand(args);
        return ((GlideClusterClient) glide).customCommand(args).thenApply(ClientHandle::unwrap);
    }

    /**
     * Sends commands as one Glide batch: {@code atomic} wraps them in MULTI/EXEC on the server; otherwise
     * they are pipelined (one round trip, no atomicity).
     */
    public CompletableFuture<Object[]> batch(java.util.List<String[]> commands, boolean atomic, int timeoutMs) {
        if (glide instanceof GlideClient c) {
            Batch b = new Batch(atomic);
            for (String[] cmd : commands) b.customCommand(cmd);
            return c.exec(b, false, BatchOptions.builder().timeout(timeoutMs).build());
        }
        ClusterBatch b = new ClusterBatch(atomic);
        for (String[] cmd : commands) b.customCommand(cmd);
        return ((GlideClusterClient) glide).exec(b, false, ClusterBatchOptions.builder().timeout(timeoutMs).build());
    }

    /**
     * A command sent to every node (INFO, DBSIZE, …) answers per node. The tabs read one server's
     * figures, so the first node's answer is used; the status bar says "cluster" so this is not hidden.
     */
    private static Object unwrap(ClusterValue<Object> v) {
        if (v.hasSingleData()) return v.getSingleValue();
        return v.getMultiValue().values().stream().findFirst().orElse(null);
    }
}
