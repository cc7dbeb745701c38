package dev.valkeyexplainer.concepts.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.TestValkey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's geohash against a real valkey-server: every score, position, distance, GEOHASH string
 * and search answer computed here must be what the server computes.
 */
class GeoServerIT {

    private static TestValkey valkey;

    @BeforeAll
    static void start() throws Exception {
        valkey = new TestValkey();
    }

    @AfterAll
    static void stop() {
        valkey.close();
    }

    private static String fresh(String name) throws Exception {
        String key = valkey.gateway.namespace().key("geo-it:" + name);
        valkey.send(Commands.del(key));
        return key;
    }

    @Test
    void scoresPositionsDistancesAndGeohashStringsEqualTheServers() throws Exception {
        String key = fresh("random");
        Random rnd = new Random(7);
        int n = 300;
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = new double[]{-180 + 360 * rnd.nextDouble(), GeoHash.LAT_MIN + (GeoHash.LAT_MAX - GeoHash.LAT_MIN) * rnd.nextDouble()};
            valkey.send(GeoCommands.geoadd(key, "p" + i, pts[i][0], pts[i][1]));
        }
        // and the edges of the limits
        double[][] edges = {{-180, GeoHash.LAT_MIN}, {180, GeoHash.LAT_MAX}, {0, 0}, {-0.0000001, 0.0000001}};
        for (int i = 0; i < edges.length; i++) valkey.send(GeoCommands.geoadd(key, "edge" + i, edges[i][0], edges[i][1]));
        for (int i = 0; i < n + edges.length; i++) {
            String m = i < n ? "p" + i : "edge" + (i - n);
            double[] in = i < n ? pts[i] : edges[i - n];
            long score = valkey.send(GeoCommands.zscore(key, m)).longValue();
            assertEquals(GeoHash.score(in[0], in[1]), score, m + ": ZSCORE vs encode");
            Double[][] pos = valkey.send(GeoCommands.geopos(key, m));
            double[] decoded = GeoHash.position(score);
            // GEOPOS prints 17 decimals (ld2string LD_STR_HUMAN): exact for these magnitudes, rounded near 0
            assertEquals(decoded[0], pos[0][0], 1e-16, m + ": GEOPOS longitude vs decode");
            assertEquals(decoded[1], pos[0][1], 1e-16, m + ": GEOPOS latitude vs decode");
            GeoHash.Cell cell = GeoHash.cellOfScore(score);
            assertTrue(in[0] >= cell.lonMin() && in[0] <= cell.lonMax() && in[1] >= cell.latMin() && in[1] <= cell.latMax(),
                    m + ": the input lies in the decoded cell");
            assertEquals(GeoHash.standardGeohash(score), valkey.send(GeoCommands.geohash(key, m))[0], m + ": GEOHASH");
        }
        for (int i = 0; i + 1 < n; i += 7) {
            double[] a = GeoHash.position(GeoHash.score(pts[i][0], pts[i][1]));
            double[] b = GeoHash.position(GeoHash.score(pts[i + 1][0], pts[i + 1][1]));
            for (SearchShape.Unit u : SearchShape.Unit.values()) {
                double server = valkey.send(GeoCommands.geodist(key, "p" + i, "p" + (i + 1), u));
                assertEquals(server, GeoHash.distance(a[0], a[1], b[0], b[1]) / u.meters(), 0.00005 + server * 1e-12, "GEODIST " + u);
            }
        }
    }

    @Test
    void theSicilyExampleOfTheDocs() throws Exception {
        // valkey.io/commands/geoadd: Palermo and Catania
        String key = fresh("sicily");
        valkey.send(GeoCommands.geoadd(key, "Palermo", 13.361389, 38.115556));
        valkey.send(GeoCommands.geoadd(key, "Catania", 15.087269, 37.502669));
        assertEquals(3479099956230698L, GeoHash.score(13.361389, 38.115556));
        assertEquals(3479447370796909L, GeoHash.score(15.087269, 37.502669));
        assertEquals(166274.1516, valkey.send(GeoCommands.geodist(key, "Palermo", "Catania", SearchShape.Unit.M)), 0.0);
        assertEquals("sqc8b49rny0", GeoHash.standardGeohash(3479099956230698L));
    }

    @Test
    void everyHitLiesInAScannedCellAndTheRangesGiveASupersetThatTheDistanceFilterCutsToTheAnswer() throws Exception {
        String key = fresh("search");
        Random rnd = new Random(11);
        // a cluster of points around a few centres, at several scales
        double[][] centres = {{-35, 33}, {179.9, 10}, {-179.95, -20}, {12, 84.9}, {0, -84.99}, {100, 70}};
        int id = 0;
        for (double[] c : centres) {
            for (int i = 0; i < 120; i++) {
                double spread = Math.pow(10, -3 + 3 * rnd.nextDouble());
                double lon = c[0] + (rnd.nextDouble() - 0.5) * spread;
                double lat = Math.max(GeoHash.LAT_MIN, Math.min(GeoHash.LAT_MAX, c[1] + (rnd.nextDouble() - 0.5) * spread));
                if (lon > 180) lon -= 360;
                if (lon < -180) lon += 360;
                valkey.send(GeoCommands.geoadd(key, "m" + id++, lon, lat));
            }
        }
        Map<String, Double> all = valkey.send(GeoCommands.byRank(key, 0, -1));
        int checked = 0;
        for (double[] c : centres) {
            for (double r : new double[]{5, 120, 3_000, 40_000, 600_000, 5_000_000}) {
                for (SearchShape shape : List.of(SearchShape.circle(c[0], c[1], r, SearchShape.Unit.M),
                        SearchShape.box(c[0], c[1], 2 * r, r, SearchShape.Unit.M), SearchShape.circle(c[0], c[1], r / 1000, SearchShape.Unit.KM))) {
                    checkSearch(key, shape, all);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 100);
    }

    private static void checkSearch(String key, SearchShape shape, Map<String, Double> all) throws Exception {
        List<GeoCommands.Hit> hits = GeoCommands.hits(valkey.send(GeoCommands.geosearch(key, null, shape, 0)));
        ScanPlan plan = ScanPlan.of(shape);
        Set<String> candidates = new HashSet<>();
        for (ScanPlan.ScanCell cell : plan.scanned()) {
            Map<String, Double> inCell = valkey.send(GeoCommands.byScore(key, cell.cell().minScore(), cell.cell().maxScore()));
            candidates.addAll(inCell.keySet());
        }
        Set<String> answer = new TreeSet<>();
        for (GeoCommands.Hit h : hits) {
            answer.add(h.member());
            long score = all.get(h.member()).longValue();
            assertTrue(plan.covers(score), shape.describe() + ": " + h.member() + " lies in a drawn cell");
            assertEquals(h.distance(), shape.distanceTo(GeoHash.position(score)[0], GeoHash.position(score)[1]), 0.00005 + h.distance() * 1e-12,
                    "WITHDIST");
        }
        assertTrue(candidates.containsAll(answer), shape.describe() + ": the ranges give a superset of the answer");
        Set<String> filtered = new TreeSet<>();
        for (String m : candidates) {
            double[] p = GeoHash.position(all.get(m).longValue());
            if (shape.contains(p[0], p[1])) filtered.add(m);
        }
        assertEquals(answer, filtered, shape.describe() + " at " + shape.lon() + "," + shape.lat() + ": the filter gives the answer");
    }

    @Test
    void theServerRefusesWhatTheAppRefuses() throws Exception {
        String key = fresh("bad");
        for (double[] bad : new double[][]{{0, 85.06}, {0, -85.06}, {180.0001, 0}, {-181, 0}}) {
            assertTrue(GeoHash.coordinateProblem(bad[0], bad[1]) != null);
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> valkey.send(Commands.write(List.of(key), "GEOADD", key, Double.toString(bad[0]), Double.toString(bad[1]), "x")));
            assertTrue(e.getCause().getMessage().contains("invalid longitude,latitude pair"), e.getCause().getMessage());
        }
        assertEquals(0L, valkey.send(GeoCommands.zcard(key)));
        assertArrayEquals(new int[0], new int[0]);
    }
}
