package dev.valkeyexplainer.valkey;

import glide.api.GlideClusterClient;
import glide.api.models.GlideString;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Walks the keys of a prefix with SCAN MATCH (never KEYS), binary-safe: key names come back as
 * bytes and are compared as bytes, so a key whose name is not UTF-8 is counted and removed like any
 * other. On a cluster the walk covers every primary (Glide's cluster cursor).
 *
 * <p>A walk over a server with a million foreign keys takes about a thousand pages; it is journaled
 * as ONE row when it ends (pages, keys found, time), not a row per page, and a paced walk waits
 * {@link #PACE_MS} between pages, so counting the namespace in the background costs the server the
 * same small share of its time whatever the size of the keyspace.
 */
final class NamespaceScanner {

    static final long PAGE_COUNT = 1_000;
    static final long PACE_MS = 2;
    /** A walk that takes longer than this is given up (and said so in its journal row). */
    static final long SWEEP_TIMEOUT_S = 120;

    /** What one walk did. {@code keys} are the keys that really start with the prefix. */
    record Sweep(long pages, long keys, long acted, long micros, boolean capped) {
    }

    private final Supplier<ClientHandle> client;
    private final CommandJournal journal;
    private final Supplier<ConnectionTarget> target;
    private final ScheduledExecutorService scheduler;

    NamespaceScanner(Supplier<ClientHandle> client, CommandJournal journal, Supplier<ConnectionTarget> target,
                     ScheduledExecutorService scheduler) {
        this.client = client;
        this.journal = journal;
        this.target = target;
        this.scheduler = scheduler;
    }

    /**
     * Walks every key that starts with {@code prefix}; {@code perPage} gets each page's owned keys
     * (as bytes) and completes with how many it acted on. Stops early once {@code cap} keys were seen.
     */
    CompletableFuture<Sweep> sweep(String conceptId, String connection, String prefix, long cap, boolean paced,
                                   Function<List<GlideString>, CompletableFuture<Long>> perPage) {
        ClientHandle c = client.get();
        if (c == null) return CompletableFuture.failedFuture(new ValkeyGateway.NotConnectedException("Not connected"));
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        State s = new State(prefix, p, cap, paced, perPage);
        CompletableFuture<Sweep> done;
        try {
            done = (c.cluster() ? clusterPage((GlideClusterClient) c.glide(), s, ClusterScanCursor.initialCursor())
                    : page(c, s, GlideString.of("0"))).orTimeout(SWEEP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.whenComplete((sw, e) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            String reply = e != null ? JournalFormat.reply(e) : String.format(Locale.ROOT, "%,d page%s, %,d key%s under %s%s",
                    sw.pages(), sw.pages() == 1 ? "" : "s", sw.keys(), sw.keys() == 1 ? "" : "s", prefix,
                    sw.capped() ? " (stopped at the cap)" : "");
            List<String> args = List.of("SCAN", "(sweep)", "MATCH", prefix + "*", "COUNT", Long.toString(PAGE_COUNT));
            journal.add(JournalEntry.command(journal.nextSeq(), Instant.now(), connection, conceptId, args, reply, micros,
                    e != null, c.cluster() ? "clusterClient.scanBinary(cursor, options) // every primary, until finished"
                            : "client.scan(cursor, ScanOptions.builder().matchPattern(\"" + prefix + "*\").count(1000L).build())"
                            + " // until the cursor is 0", target.get()));
        });
    }

    private final class State {
        final String prefix;
        final byte[] prefixBytes;
        final long cap;
        final boolean paced;
        final Function<List<GlideString>, CompletableFuture<Long>> perPage;
        long pages;
        long keys;
        long acted;

        State(String prefix, byte[] prefixBytes, long cap, boolean paced, Function<List<GlideString>, CompletableFuture<Long>> perPage) {
            this.prefix = prefix;
            this.prefixBytes = prefixBytes;
            this.cap = cap;
            this.paced = paced;
            this.perPage = perPage;
        }

        Sweep result(boolean capped) {
            return new Sweep(pages, keys, acted, 0, capped);
        }

        /** The page's keys that really start with the prefix (MATCH is a glob; the rule is a byte prefix). */
        List<GlideString> owned(Object[] page) {
            List<GlideString> out = new ArrayList<>();
            for (Object k : page) {
                byte[] b = k instanceof GlideString g ? g.getBytes() : String.valueOf(k).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (b.length >= prefixBytes.length && java.util.Arrays.equals(b, 0, prefixBytes.length, prefixBytes, 0,
                        prefixBytes.length)) {
                    out.add(GlideString.of(b));
                }
            }
            return out;
        }

        CompletableFuture<Boolean> take(Object[] keysOfPage) {
            pages++;
            List<GlideString> own = owned(keysOfPage);
            keys += own.size();
            CompletableFuture<Long> n = own.isEmpty() ? CompletableFuture.completedFuture(0L) : perPage.apply(own);
            return n.thenApply(a -> {
                acted += a;
                return keys >= cap;
            });
        }
    }

    private CompletableFuture<Sweep> page(ClientHandle c, State s, GlideString cursor) {
        GlideString[] args = {GlideString.of("SCAN"), cursor, GlideString.of("MATCH"), GlideString.of(s.prefix + "*"),
                GlideString.of("COUNT"), GlideString.of(Long.toString(PAGE_COUNT))};
        return c.custom(args).thenCompose(r -> {
            Object[] reply = (Object[]) r;
            return s.take((Object[]) reply[1]).thenCompose(capped -> {
                GlideString next = reply[0] instanceof GlideString g ? g : GlideString.of(String.valueOf(reply[0]));
                if (capped || "0".equals(next.getString())) return CompletableFuture.completedFuture(s.result(capped));
                return later(s.paced, () -> page(c, s, next));
            });
        });
    }

    private CompletableFuture<Sweep> clusterPage(GlideClusterClient c, State s, ClusterScanCursor cursor) {
        ScanOptions opts = ScanOptions.builder().matchPatternBinary(GlideString.of(s.prefix + "*")).count(PAGE_COUNT).build();
        return c.scanBinary(cursor, opts).thenCompose(reply -> {
            ClusterScanCursor next = (ClusterScanCursor) reply[0];
            return s.take((Object[]) reply[1]).thenCompose(capped -> {
                if (capped || next.isFinished()) {
                    next.releaseCursorHandle();
                    return CompletableFuture.completedFuture(s.result(capped));
                }
                return later(s.paced, () -> clusterPage(c, s, next));
            });
        });
    }

    /** The next page now, or after a short pause when paced (the gateway's scheduler holds no thread meanwhile). */
    private CompletableFuture<Sweep> later(boolean paced, Supplier<CompletableFuture<Sweep>> next) {
        if (!paced) return next.get();
        CompletableFuture<Sweep> f = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> {
                try {
                    next.get().whenComplete((v, e) -> {
                        if (e != null) f.completeExceptionally(e);
                        else f.complete(v);
                    });
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }, PACE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new ValkeyGateway.NotConnectedException("the app is closing"));
        }
        return f;
    }
}
