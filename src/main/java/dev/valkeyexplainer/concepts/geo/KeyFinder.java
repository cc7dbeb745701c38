package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the GEO keys on a server, read-only: {@code SCAN … TYPE zset} for the sorted sets (never
 * KEYS), then a look at each one's scores, because a GEO key is an ordinary sorted set whose scores
 * happen to be 52-bit geohashes. A key counts as GEO data when its lowest and highest scores and a
 * sample of the others are whole numbers in [0, 2^52) (all GEOADD can store) and they do not all sit
 * in the far south-west corner cell of step 4 (scores below 2^44: what counters, points and
 * timestamps in seconds or milliseconds decode to).
 */
final class KeyFinder {

    /** Sorted sets looked at, at most. */
    static final int MAX_KEYS = 200;
    private static final int MAX_PAGES = 50;
    private static final int SAMPLE = 64;

    /** A sorted set and whether it holds GEO data ({@code problem} is null when it does). */
    record Found(String key, long size, String problem) {
        boolean geo() {
            return problem == null;
        }
    }

    private final ValkeyGateway.Scope scope;

    KeyFinder(ValkeyGateway.Scope scope) {
        this.scope = scope.worker("keys");
    }

    /** Every sorted set SCAN finds (up to {@link #MAX_KEYS}), each with its verdict. */
    CompletableFuture<List<Found>> find() {
        List<String> keys = new ArrayList<>();
        return page("0", null, keys, 0).thenCompose(x -> {
            List<CompletableFuture<Found>> checks = keys.stream().limit(MAX_KEYS).map(this::inspect).toList();
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                    .thenApply(y -> checks.stream().map(CompletableFuture::join).sorted((a, b) -> a.key().compareTo(b.key())).toList());
        });
    }

    private CompletableFuture<Void> page(String cursor, ClusterScanCursor clusterCursor, List<String> keys, int pages) {
        ScanOptions options = ScanOptions.builder().matchPattern("*").count(1000L).type(ScanOptions.ObjectType.ZSET).build();
        ValkeyCall<Object[]> call = new ValkeyCall<>(List.of("SCAN", cursor, "MATCH", "*", "COUNT", "1000", "TYPE", "zset"), List.of(),
                "client.scan(cursor, ScanOptions.builder().matchPattern(\"*\").count(1000L)\n    .type(ObjectType.ZSET).build())",
                h -> h.glide() instanceof GlideClient g ? g.scan(cursor, options)
                        : ((GlideClusterClient) h.glide()).scan(clusterCursor == null ? ClusterScanCursor.initialCursor() : clusterCursor, options));
        return scope.send(call).thenCompose(reply -> {
            for (Object k : (Object[]) reply[1]) keys.add(String.valueOf(k));
            boolean more;
            String next = "0";
            ClusterScanCursor nextCluster = null;
            if (reply[0] instanceof ClusterScanCursor c) {
                more = !c.isFinished();
                nextCluster = c;
                if (!more) c.releaseCursorHandle();
            } else {
                next = String.valueOf(reply[0]);
                more = !"0".equals(next);
            }
            if (!more || keys.size() >= MAX_KEYS || pages + 1 >= MAX_PAGES) {
                if (more && nextCluster != null) nextCluster.releaseCursorHandle();
                return CompletableFuture.completedFuture(null);
            }
            return page(next, nextCluster, keys, pages + 1);
        });
    }

    /** TYPE, then ZCARD and a sample of scores: whether {@code key} holds GEO data. */
    CompletableFuture<Found> inspect(String key) {
        return scope.send(GeoCommands.type(key)).thenCompose(type -> {
            if (!"zset".equalsIgnoreCase(type)) {
                return CompletableFuture.completedFuture(new Found(key, 0, "none".equalsIgnoreCase(type)
                        ? key + " does not exist." : key + " is a " + type + ", not a sorted set: GEO data lives in sorted sets."));
            }
            return scope.send(GeoCommands.zcard(key))
                    .thenCombine(scope.send(GeoCommands.byRank(key, 0, SAMPLE - 1)), (n, low) -> new Object[]{n, low})
                    .thenCombine(scope.send(GeoCommands.byRank(key, -1, -1)), (nl, high) -> {
                        @SuppressWarnings("unchecked") Map<String, Double> low = (Map<String, Double>) nl[1];
                        List<Double> sample = new ArrayList<>(low.values());
                        sample.addAll(high.values());
                        return new Found(key, (Long) nl[0], verdict(key, sample));
                    });
        });
    }

    /** Null when the scores can be geohashes of real places; else why not. */
    static String verdict(String key, List<Double> scores) {
        if (scores.isEmpty()) return key + " is empty.";
        double max = 0;
        for (double s : scores) {
            if (s != Math.rint(s) || s < 0 || s >= 0x1p52) {
                return String.format(Locale.ROOT, "%s is a sorted set but not GEO data: the score %s is not a 52-bit geohash"
                        + " (GEOADD stores whole numbers from 0 to 2^52).", key, s);
            }
            max = Math.max(max, s);
        }
        if (max < 0x1p44) {
            return key + " looks like an ordinary sorted set (a leaderboard, counters or timestamps): all its scores are below"
                    + " 2^44, which would put every member in the empty ocean south-west of -157.5°, -74.4°.";
        }
        return null;
    }
}
