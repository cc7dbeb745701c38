package dev.valkeyexplainer.concepts.geo;

import static dev.valkeyexplainer.valkey.GlidePython.str;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The geo commands as Valkey GLIDE for Python calls (glide's {@code geoadd}, {@code geosearch} with
 * {@code GeoSearchByRadius} / {@code GeoSearchByBox}, {@code geodist}, {@code zrange_withscores} with
 * {@code RangeByScore}, …), written from the arguments each call really sent, so the code panel's two
 * languages name the same commands.
 */
final class GeoPython {

    private GeoPython() {
    }

    /** The code panel's snippet for the calls a step made, in order. */
    static Snippet snippet(List<? extends ValkeyCall<?>> calls) {
        return Snippet.of(calls.stream().map(c -> c.glideJava() + ".get();").collect(Collectors.joining("\n")),
                calls.stream().map(GeoPython::call).collect(Collectors.joining("\n")));
    }

    /** One call as a Python statement. */
    static String call(ValkeyCall<?> call) {
        List<String> a = call.args();
        String key = a.size() > 1 ? str(a.get(1)) : "";
        return switch (a.get(0)) {
            case "GEOADD" -> "await client.geoadd(" + key + ", {" + str(a.get(4)) + ": GeospatialData(" + a.get(2) + ", "
                    + a.get(3) + ")})";
            case "ZREM" -> "await client.zrem(" + key + ", [" + str(a.get(2)) + "])";
            case "ZSCORE" -> "await client.zscore(" + key + ", " + str(a.get(2)) + ")";
            case "GEOPOS" -> "await client.geopos(" + key + ", [" + str(a.get(2)) + "])";
            case "GEOHASH" -> "await client.geohash(" + key + ", [" + str(a.get(2)) + "])";
            case "GEODIST" -> "await client.geodist(" + key + ", " + str(a.get(2)) + ", " + str(a.get(3)) + ", GeoUnit."
                    + unit(a.get(4)) + ")";
            case "ZCARD" -> "await client.zcard(" + key + ")";
            case "TYPE" -> "await client.type(" + key + ")";
            case "DEL" -> "await client.delete([" + key + "])";
            case "ZRANGE" -> a.contains("BYSCORE")
                    ? "await client.zrange_withscores(" + key + ", RangeByScore(\n    ScoreBoundary(" + bound(a.get(2))
                    + "), ScoreBoundary(" + bound(a.get(3)) + ", is_inclusive=False)))"
                    : "await client.zrange_withscores(" + key + ", RangeByIndex(" + a.get(2) + ", " + a.get(3) + "))";
            case "GEOSEARCH" -> geosearch(a);
            default -> "await client.custom_command([" + a.stream().map(s -> str(s)).collect(Collectors.joining(", ")) + "])";
        };
    }

    private static String geosearch(List<String> a) {
        String key = str(a.get(1));
        int i = 2;
        String from;
        if (a.get(i).equals("FROMMEMBER")) {
            from = str(a.get(i + 1));
            i += 2;
        } else {
            from = "GeospatialData(" + a.get(i + 1) + ", " + a.get(i + 2) + ")";
            i += 3;
        }
        String by;
        if (a.get(i).equals("BYRADIUS")) {
            by = "GeoSearchByRadius(" + a.get(i + 1) + ", GeoUnit." + unit(a.get(i + 2)) + ")";
            i += 3;
        } else {
            by = "GeoSearchByBox(" + a.get(i + 1) + ", " + a.get(i + 2) + ", GeoUnit." + unit(a.get(i + 3)) + ")";
            i += 4;
        }
        String count = "";
        int c = a.indexOf("COUNT");
        if (c > 0) count = ",\n    count=GeoSearchCount(" + a.get(c + 1) + ")";
        return "await client.geosearch(" + key + ", " + from + ",\n    " + by + ",\n    order_by=OrderBy.ASC" + count
                + ",\n    with_coord=True, with_dist=True)";
    }

    private static String bound(String arg) {
        String v = arg.startsWith("(") ? arg.substring(1) : arg;
        try {
            return String.format(Locale.ROOT, "%d", (long) Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String unit(String u) {
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "km" -> "KILOMETERS";
            case "mi" -> "MILES";
            case "ft" -> "FEET";
            default -> "METERS";
        };
    }
}
