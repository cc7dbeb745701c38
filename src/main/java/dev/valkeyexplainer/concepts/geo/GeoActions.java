package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the geo tab does on the server, each a few real commands through the gateway. Every method
 * validates its input first and fails with an {@link IllegalArgumentException} (sending nothing) when
 * it is bad; a server error fails the future with the server's message. Each result carries the calls
 * that ran, for the code panel.
 */
final class GeoActions {

    /** At most this many members are drawn (ZRANGE 0 1999); ZCARD says how many there are. */
    static final int MAX_MEMBERS = 2_000;

    /** A result and the calls that produced it, in order. */
    record Done<T>(T value, List<ValkeyCall<?>> calls) {
    }

    private final ValkeyGateway.Scope scope;

    GeoActions(ValkeyGateway.Scope scope) {
        this.scope = scope;
    }

    private <T> CompletableFuture<T> send(List<ValkeyCall<?>> log, ValkeyCall<T> call) {
        synchronized (log) {
            log.add(call);
        }
        return scope.send(call);
    }

    /** Reads the key for the map: ZCARD and the members with their scores (the poller's read). */
    CompletableFuture<GeoModel.Snapshot> read(String key, boolean writable) {
        ValkeyGateway.Scope poll = scope.worker("poller");
        return poll.send(GeoCommands.zcard(key)).thenCombine(poll.send(GeoCommands.byRank(key, 0, MAX_MEMBERS - 1)),
                (n, members) -> new GeoModel.Snapshot(key, writable, n, toMembers(members)));
    }

    static List<GeoModel.Member> toMembers(Map<String, Double> scored) {
        List<GeoModel.Member> out = new ArrayList<>();
        scored.forEach((name, score) -> out.add(GeoModel.Member.of(name, score.longValue())));
        out.sort((a, b) -> Long.compare(a.score(), b.score()));
        return out;
    }

    /** GEOADD key lon lat name: adds a member, or moves it when it exists. Reply: 1 when new. */
    CompletableFuture<Done<Long>> add(String key, String name, double lon, double lat) {
        String problem = GeoInput.memberProblem(name);
        if (problem == null) problem = GeoHash.coordinateProblem(lon, lat);
        if (problem != null) return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, GeoCommands.geoadd(key, name.strip(), lon, lat)).thenApply(n -> new Done<>(n, log));
    }

    /** ZREM key name: a GEO set is a sorted set, so a member is removed with ZREM (there is no GEODEL). */
    CompletableFuture<Done<Long>> remove(String key, String name) {
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, GeoCommands.zrem(key, name)).thenApply(n -> new Done<>(n, log));
    }

    /** The talk's example from scratch: DEL, then GEOADD Alice and GEOADD Beach One (each replies 1). */
    CompletableFuture<Done<Long>> loadTalkExample(String key) {
        return loadFresh(key, GameWorld.talkPreset());
    }

    /** DEL the key, then one GEOADD per place; the value is how many were new. */
    CompletableFuture<Done<Long>> loadFresh(String key, List<GameWorld.Place> places) {
        List<ValkeyCall<?>> log = new ArrayList<>();
        CompletableFuture<Long> chain = send(log, Commands.del(key)).thenApply(x -> 0L);
        for (GameWorld.Place p : places) {
            chain = chain.thenCompose(sum -> send(log, GeoCommands.geoadd(key, p.name(), p.lon(), p.lat())).thenApply(n -> sum + n));
        }
        return chain.thenApply(n -> new Done<>(n, log));
    }

    /** More players and points of interest on the island, one GEOADD each. */
    CompletableFuture<Done<Long>> addMorePlaces(String key) {
        List<ValkeyCall<?>> log = new ArrayList<>();
        CompletableFuture<Long> chain = CompletableFuture.completedFuture(0L);
        for (GameWorld.Place p : GameWorld.morePlaces()) {
            chain = chain.thenCompose(sum -> send(log, GeoCommands.geoadd(key, p.name(), p.lon(), p.lat())).thenApply(n -> sum + n));
        }
        return chain.thenApply(n -> new Done<>(n, log));
    }

    /**
     * GEOSEARCH (WITHDIST WITHCOORD ASC [COUNT n]) around a point or a member, then the range query of
     * each cell the server scans for it (ZRANGE … BYSCORE), so that the map can show candidates and
     * answer side by side. For FROMMEMBER the member's score is read first (ZSCORE): the server
     * searches around its decoded position, and an unknown member is refused here with a clear message.
     */
    CompletableFuture<Done<GeoModel.Search>> search(String key, SearchShape shape, String fromMember, long count) {
        String problem = GeoInput.shapeProblem(shape, fromMember == null);
        if (problem == null && count < 0) problem = "COUNT must be positive (or empty for all).";
        if (problem != null) return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        List<ValkeyCall<?>> log = new ArrayList<>();
        CompletableFuture<SearchShape> centred = fromMember == null ? CompletableFuture.completedFuture(shape)
                : send(log, GeoCommands.zscore(key, fromMember)).thenApply(score -> {
                    if (score == null) throw new IllegalArgumentException("No member '" + fromMember + "' in " + key + ".");
                    double[] p = GeoHash.position(score.longValue());
                    return shape.at(p[0], p[1]);
                });
        return centred.thenCompose(s -> {
            long t0 = System.nanoTime();
            return send(log, GeoCommands.geosearch(key, fromMember, s, count)).thenCompose(reply -> {
                long micros = (System.nanoTime() - t0) / 1_000;
                ScanPlan plan = ScanPlan.of(s);
                List<CompletableFuture<GeoModel.CellRead>> reads = new ArrayList<>();
                for (ScanPlan.ScanCell c : plan.scanned()) {
                    reads.add(send(log, GeoCommands.byScore(key, c.cell().minScore(), c.cell().maxScore()))
                            .thenApply(m -> new GeoModel.CellRead(c, new ArrayList<>(m.keySet()))));
                }
                return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(x -> new Done<>(
                        new GeoModel.Search(key, s, fromMember, count, GeoCommands.hits(reply), plan,
                                reads.stream().map(CompletableFuture::join).toList(), micros), log));
            });
        });
    }

    /** ZSCORE, GEOPOS and GEOHASH of a member, and the members of its cell at {@code step} (ZRANGE … BYSCORE). */
    CompletableFuture<Done<GeoModel.Detail>> inspect(String key, String member, int step) {
        if (member == null || member.isBlank()) return CompletableFuture.failedFuture(new IllegalArgumentException("Pick a member first."));
        if (step < 1 || step > 26) return CompletableFuture.failedFuture(new IllegalArgumentException("The precision is 1 … 26 steps."));
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, GeoCommands.zscore(key, member)).thenCompose(score -> {
            if (score == null) throw new IllegalArgumentException("No member '" + member + "' in " + key + ".");
            long s = score.longValue();
            GeoHash.Cell cell = GeoHash.cellOfScore(s, step);
            return send(log, GeoCommands.geopos(key, member)).thenCombine(send(log, GeoCommands.geohash(key, member)),
                    (pos, hash) -> new Object[]{pos, hash}).thenCombine(send(log, GeoCommands.byScore(key, cell.minScore(),
                    cell.maxScore())), (ph, inCell) -> {
                        Double[][] pos = (Double[][]) ph[0];
                        String[] hash = (String[]) ph[1];
                        double[] xy = pos[0] == null ? new double[]{Double.NaN, Double.NaN} : new double[]{pos[0][0], pos[0][1]};
                        List<String> names = new ArrayList<>(inCell.keySet());
                        Collections.sort(names);
                        return new Done<>(new GeoModel.Detail(key, member, s, xy, hash[0], step, names), log);
                    });
        });
    }

    /** GEODIST between two members in m, km, mi and ft (four calls, one per unit). */
    CompletableFuture<Done<GeoModel.Distance>> distance(String key, String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Pick two members."));
        }
        List<ValkeyCall<?>> log = new ArrayList<>();
        List<CompletableFuture<Double>> d = new ArrayList<>();
        for (SearchShape.Unit u : SearchShape.Unit.values()) d.add(send(log, GeoCommands.geodist(key, a, b, u)));
        return CompletableFuture.allOf(d.toArray(CompletableFuture[]::new)).thenApply(x -> {
            if (d.get(0).join() == null) throw new IllegalArgumentException("GEODIST returned nil: '" + a + "' or '" + b
                    + "' is not a member of " + key + ".");
            return new Done<>(new GeoModel.Distance(a, b, d.get(0).join(), d.get(1).join(), d.get(2).join(), d.get(3).join()), log);
        });
    }
}
