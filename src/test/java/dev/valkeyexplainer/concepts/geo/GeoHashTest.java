package dev.valkeyexplainer.concepts.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The geohash against the Valkey docs' published values and the properties of the C code. */
class GeoHashTest {

    @Test
    void theDocsSicilyScoresAndGeohashStrings() {
        // valkey.io/commands/geoadd, geohash and geopos: Palermo and Catania
        assertEquals(3479099956230698L, GeoHash.score(13.361389, 38.115556));
        assertEquals(3479447370796909L, GeoHash.score(15.087269, 37.502669));
        assertEquals("sqc8b49rny0", GeoHash.standardGeohash(3479099956230698L));
        assertEquals("sqdtr74hyu0", GeoHash.standardGeohash(3479447370796909L));
        double[] p = GeoHash.position(3479099956230698L);
        assertEquals(13.36138933897018433, p[0], 1e-14);
        assertEquals(38.11555639549629859, p[1], 1e-14);
        double[] c = GeoHash.position(3479447370796909L);
        assertEquals(166274.1516, GeoHash.distance(p[0], p[1], c[0], c[1]), 0.00005);
    }

    @Test
    void theTopBitOfAScoreIsALongitudeBit() {
        // east of the prime meridian, the top longitude bit is 1; north of the equator, the top latitude bit is 1
        assertEquals(1L, GeoHash.score(10, -10) >>> 51);
        assertEquals(0L, (GeoHash.score(10, -10) >>> 50) & 1);
        assertEquals(1L, (GeoHash.score(-10, 10) >>> 50) & 1);
        assertEquals(0L, GeoHash.score(-10, 10) >>> 51);
    }

    @Test
    void interleavingRoundTrips() {
        Random rnd = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long lat = rnd.nextInt(1 << 26);
            long lon = rnd.nextInt(1 << 26);
            long sep = GeoHash.deinterleave(GeoHash.interleave(lat, lon));
            assertEquals(lat, sep & 0xFFFFFFFFL);
            assertEquals(lon, sep >>> 32);
        }
    }

    @Test
    void aPointLiesInItsCellAtEveryStepAndTheCellsNest() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            double lon = -180 + 360 * rnd.nextDouble();
            double lat = GeoHash.LAT_MIN + (GeoHash.LAT_MAX - GeoHash.LAT_MIN) * rnd.nextDouble();
            long score = GeoHash.score(lon, lat);
            for (int step = 1; step <= 26; step++) {
                GeoHash.Cell cell = GeoHash.cellOfScore(score, step);
                assertEquals(GeoHash.encode(lon, lat, step), cell.bits(), "step " + step);
                assertTrue(cell.containsScore(score));
                assertTrue(lon >= cell.lonMin() && lon <= cell.lonMax() && lat >= cell.latMin() && lat <= cell.latMax());
            }
        }
    }

    @Test
    void aFullPrecisionCellIsAboutSixtyByThirtyCentimetresAtTheEquator() {
        // 360° / 2^26 wide, 170.1° / 2^26 tall: 0.60 m × 0.28 m at the equator
        GeoHash.Cell c = GeoHash.cellOfScore(GeoHash.score(0.1, 0.1));
        assertEquals(0.597, c.widthMeters(), 0.005);
        assertEquals(0.282, c.heightMeters(), 0.005);
    }

    @Test
    void neighboursWrapAroundTheAntimeridian() {
        int step = 5;
        long east = GeoHash.encode(179.9, 0, step);
        long wrapped = GeoHash.neighbour(east, step, 1, 0);
        GeoHash.Cell w = GeoHash.decode(wrapped, step);
        assertEquals(-180, w.lonMin(), 1e-9);
        assertEquals(east, GeoHash.neighbour(wrapped, step, -1, 0));
        long north = GeoHash.neighbour(GeoHash.encode(10, 10, step), step, 0, 1);
        assertEquals(GeoHash.decode(GeoHash.encode(10, 10, step), step).latMax(), GeoHash.decode(north, step).latMin(), 1e-9);
    }

    @Test
    void theStepForARadiusWidensNearThePoles() {
        // 3 km: doubled 13 times passes 20,037,726.37 m, so 1 + 13 - 2 = 12
        assertEquals(12, GeoHash.estimateSteps(3_000, 33));
        assertEquals(14, GeoHash.estimateSteps(1_000, 33));
        assertEquals(11, GeoHash.estimateSteps(3_000, 70));
        assertEquals(10, GeoHash.estimateSteps(3_000, -81));
        assertEquals(26, GeoHash.estimateSteps(0, 0));
        assertEquals(1, GeoHash.estimateSteps(30_000_000, 0));
    }

    @Test
    void positionsOutsideTheLimitsAreRefused() {
        assertNull(GeoHash.coordinateProblem(180, 85.05112878));
        assertNotNull(GeoHash.coordinateProblem(0, 85.06));
        assertNotNull(GeoHash.coordinateProblem(-180.5, 0));
        assertNotNull(GeoHash.coordinateProblem(Double.NaN, 0));
        assertTrue(GeoHash.coordinateProblem(0, -89).contains("85.05112878"));
        assertThrows(IllegalArgumentException.class, () -> GeoHash.score(0, 90));
    }

    @Test
    void aBoxAcrossTheAntimeridianHasBoundsPastIt() {
        double[] b = SearchShape.box(179.9, 0, 100, 10, SearchShape.Unit.KM).bounds();
        assertTrue(b[2] > 180, "max longitude " + b[2]);
        assertEquals(179.9 - (b[2] - 179.9), b[0], 1e-9);
    }
}
