package dev.valkeyexplainer.concepts.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.concept.Snippet;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code panel's Java and Python name the same Glide methods, with the arguments that were sent. */
class GeoSnippetTest {

    private static String method(String code, String lang) {
        Matcher m = Pattern.compile("client\\.([a-zA-Z_]+)\\(").matcher(code);
        assertTrue(m.find(), lang + ": " + code);
        return m.group(1).replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void javaAndPythonCallTheSameCommands() {
        List<ValkeyCall<?>> calls = List.of(
                GeoCommands.geoadd("vx:geo:world", "Alice", -35.0, 33.0027),
                GeoCommands.zrem("vx:geo:world", "Alice"),
                GeoCommands.zscore("vx:geo:world", "Alice"),
                GeoCommands.geopos("vx:geo:world", "Alice"),
                GeoCommands.geohash("vx:geo:world", "Alice"),
                GeoCommands.geodist("vx:geo:world", "Alice", "Beach One", SearchShape.Unit.MI),
                GeoCommands.zcard("vx:geo:world"),
                GeoCommands.type("vx:geo:world"),
                GeoCommands.byScore("vx:geo:world", 1920522006822912L, 1920522275258368L),
                GeoCommands.byRank("vx:geo:world", 0, 1999),
                GeoCommands.geosearch("vx:geo:world", null, SearchShape.circle(-35.005, 33.008, 3, SearchShape.Unit.KM), 0),
                GeoCommands.geosearch("vx:geo:world", "Alice", SearchShape.box(0, 0, 4, 2, SearchShape.Unit.FT), 5));
        for (ValkeyCall<?> c : calls) {
            Snippet s = GeoPython.snippet(List.of(c));
            assertEquals(method(s.java(), "java"), method(s.python(), "python"), c.args().toString());
        }
        String py = GeoPython.call(calls.get(11));
        assertTrue(py.contains("GeoSearchByBox(4.0, 2.0, GeoUnit.FEET)") && py.contains("count=GeoSearchCount(5)")
                && py.contains("\"Alice\""), py);
        assertTrue(GeoPython.call(calls.get(8)).contains("ScoreBoundary(1920522006822912)")
                && GeoPython.call(calls.get(8)).contains("ScoreBoundary(1920522275258368, is_inclusive=False)"));
        assertEquals(List.of("GEOSEARCH", "vx:geo:world", "FROMLONLAT", "-35.005", "33.008", "BYRADIUS", "3.0", "km",
                "WITHDIST", "WITHCOORD", "ASC"), calls.get(10).args(), "the journal shows the arguments Glide sends");
    }
}
