package dev.valkeyexplainer.concepts.geo;

import static dev.valkeyexplainer.valkey.JournalFormat.javaString;

import dev.valkeyexplainer.valkey.ValkeyCall;
import glide.api.models.commands.RangeOptions;
import glide.api.models.commands.SortOrder;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeospatialData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands of the geo tab, each sent with Glide's typed API. The journal's arguments are the
 * ones Glide itself puts on the wire (its option objects' {@code toArgs()}), so the journal shows
 * exactly what ran, e.g. {@code GEOSEARCH key FROMLONLAT -35.0 33.0 BYRADIUS 3.0 km WITHDIST …}.
 * Glide for Java has no GEORADIUS method: GEOSEARCH (Valkey 6.2+) is its successor and covers it.
 */
final class GeoCommands {

    private GeoCommands() {
    }

    /** {@code GEOADD key lon lat member}: adds or moves one member. Reply: 1 when it was new. */
    static ValkeyCall<Long> geoadd(String key, String member, double lon, double lat) {
        GeospatialData at = new GeospatialData(lon, lat);
        List<String> args = new ArrayList<>(List.of("GEOADD", key));
        args.addAll(Arrays.asList(at.toArgs()));
        args.add(member);
        return new ValkeyCall<>(args, List.of(key), "client.geoadd(" + javaString(key) + ", Map.of(" + javaString(member)
                + ", new GeospatialData(" + num(lon) + ", " + num(lat) + ")))",
                c -> c.glide().geoadd(key, Map.of(member, at)));
    }

    static ValkeyCall<Long> zrem(String key, String member) {
        return new ValkeyCall<>(List.of("ZREM", key, member), List.of(key),
                "client.zrem(" + javaString(key) + ", new String[]{" + javaString(member) + "})",
                c -> c.glide().zrem(key, new String[]{member}));
    }

    static ValkeyCall<Long> zcard(String key) {
        return new ValkeyCall<>(List.of("ZCARD", key), List.of(), "client.zcard(" + javaString(key) + ")",
                c -> c.glide().zcard(key));
    }

    static ValkeyCall<String> type(String key) {
        return new ValkeyCall<>(List.of("TYPE", key), List.of(), "client.type(" + javaString(key) + ")",
                c -> c.glide().type(key));
    }

    /** {@code ZRANGE key first last WITHSCORES}: members with their raw 52-bit scores, by rank. */
    static ValkeyCall<Map<String, Double>> byRank(String key, long first, long last) {
        var q = new RangeOptions.RangeByIndex(first, last);
        return new ValkeyCall<>(List.of("ZRANGE", key, q.getStart(), q.getEnd(), "WITHSCORES"), List.of(),
                "client.zrangeWithScores(" + javaString(key) + ", new RangeByIndex(" + first + ", " + last + "))",
                c -> c.glide().zrangeWithScores(key, q));
    }

    /**
     * {@code ZRANGE key min (max BYSCORE WITHSCORES}: the members of one geohash cell, exactly the
     * range query the server runs for it ({@code geoGetPointsInRange}: min inclusive, max exclusive).
     */
    static ValkeyCall<Map<String, Double>> byScore(String key, long min, long maxExclusive) {
        var q = new RangeOptions.RangeByScore(new RangeOptions.ScoreBoundary(min, true),
                new RangeOptions.ScoreBoundary(maxExclusive, false));
        return new ValkeyCall<>(List.of("ZRANGE", key, q.getStart(), q.getEnd(), "BYSCORE", "WITHSCORES"), List.of(),
                "client.zrangeWithScores(" + javaString(key) + ", new RangeByScore(\n    new ScoreBoundary(" + min
                        + "d, true), new ScoreBoundary(" + maxExclusive + "d, false)))",
                c -> c.glide().zrangeWithScores(key, q));
    }

    static ValkeyCall<Double> zscore(String key, String member) {
        return new ValkeyCall<>(List.of("ZSCORE", key, member), List.of(),
                "client.zscore(" + javaString(key) + ", " + javaString(member) + ")", c -> c.glide().zscore(key, member));
    }

    static ValkeyCall<Double[][]> geopos(String key, String member) {
        return new ValkeyCall<>(List.of("GEOPOS", key, member), List.of(),
                "client.geopos(" + javaString(key) + ", new String[]{" + javaString(member) + "})",
                c -> c.glide().geopos(key, new String[]{member}));
    }

    static ValkeyCall<String[]> geohash(String key, String member) {
        return new ValkeyCall<>(List.of("GEOHASH", key, member), List.of(),
                "client.geohash(" + javaString(key) + ", new String[]{" + javaString(member) + "})",
                c -> c.glide().geohash(key, new String[]{member}));
    }

    /** {@code GEODIST key a b unit}; null when a member is missing. */
    static ValkeyCall<Double> geodist(String key, String a, String b, SearchShape.Unit unit) {
        return new ValkeyCall<>(List.of("GEODIST", key, a, b, unit.glide().getValkeyAPI()), List.of(),
                "client.geodist(" + javaString(key) + ", " + javaString(a) + ", " + javaString(b) + ", GeoUnit."
                        + unit.glide().name() + ")", c -> c.glide().geodist(key, a, b, unit.glide()));
    }

    /**
     * {@code GEOSEARCH key FROMLONLAT lon lat | FROMMEMBER m  BYRADIUS r unit | BYBOX w h unit
     * WITHDIST WITHCOORD [COUNT n] ASC}. The reply is one {@code [member, [dist, [lon, lat]]]} per hit.
     *
     * @param fromMember the member to search around, or null to search around the shape's centre
     * @param count      at most this many hits, nearest first; 0 for all
     */
    static ValkeyCall<Object[]> geosearch(String key, String fromMember, SearchShape shape, long count) {
        GeoSearchOrigin.SearchOrigin origin = fromMember != null ? new GeoSearchOrigin.MemberOrigin(fromMember)
                : new GeoSearchOrigin.CoordOrigin(new GeospatialData(shape.lon(), shape.lat()));
        GeoSearchShape by = shape.kind() == SearchShape.Kind.RADIUS ? new GeoSearchShape(shape.radius(), shape.unit().glide())
                : new GeoSearchShape(shape.width(), shape.height(), shape.unit().glide());
        GeoSearchOptions with = GeoSearchOptions.builder().withdist().withcoord().build();
        GeoSearchResultOptions result = count > 0 ? new GeoSearchResultOptions(SortOrder.ASC, count)
                : new GeoSearchResultOptions(SortOrder.ASC);
        List<String> args = new ArrayList<>(List.of("GEOSEARCH", key));
        args.addAll(Arrays.asList(origin.toArgs()));
        args.addAll(Arrays.asList(by.toArgs()));
        args.addAll(Arrays.asList(with.toArgs()));
        args.addAll(Arrays.asList(result.toArgs()));
        String javaOrigin = fromMember != null ? "new MemberOrigin(" + javaString(fromMember) + ")"
                : "new CoordOrigin(new GeospatialData(" + num(shape.lon()) + ", " + num(shape.lat()) + "))";
        String javaShape = shape.kind() == SearchShape.Kind.RADIUS
                ? "new GeoSearchShape(" + num(shape.radius()) + ", GeoUnit." + shape.unit().glide().name() + ")"
                : "new GeoSearchShape(" + num(shape.width()) + ", " + num(shape.height()) + ", GeoUnit."
                + shape.unit().glide().name() + ")";
        String java = "client.geosearch(" + javaString(key) + ",\n    " + javaOrigin + ",\n    " + javaShape
                + ",\n    GeoSearchOptions.builder().withdist().withcoord().build(),\n    new GeoSearchResultOptions(SortOrder.ASC"
                + (count > 0 ? ", " + count + "L" : "") + "))";
        return new ValkeyCall<>(args, List.of(), java, c -> c.glide().geosearch(key, origin, by, with, result));
    }

    /** One GEOSEARCH hit. {@code distance} is in the search's unit. */
    record Hit(String member, double distance, double lon, double lat) {
    }

    /** Reads Glide's reply to {@link #geosearch}: {@code [member, [dist, [lon, lat]]]} per hit. */
    static List<Hit> hits(Object[] reply) {
        List<Hit> out = new ArrayList<>();
        for (Object o : reply) {
            Object[] row = (Object[]) o;
            Object[] extra = (Object[]) row[1];
            Object[] coord = (Object[]) extra[1];
            out.add(new Hit(String.valueOf(row[0]), ((Number) extra[0]).doubleValue(), ((Number) coord[0]).doubleValue(),
                    ((Number) coord[1]).doubleValue()));
        }
        return out;
    }

    /** A Java double literal as typed in code. */
    static String num(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? String.format(Locale.ROOT, "%.8f", v) : s;
    }
}
