package dev.valkeyexplainer.concepts.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Input checks, the GEO-key verdict, the viewport's projection, and the island's talk geometry. */
class GeoInputAndViewportTest {

    @Test
    void numbersAreReadAndBadOnesExplained() {
        assertEquals(-35.5, GeoInput.number(" -35.5 ", "x").value());
        assertEquals(1000, GeoInput.number("1,000", "x").value());
        assertTrue(GeoInput.number("NaN", "Latitude").problem().contains("NaN"));
        assertTrue(GeoInput.number("abc", "Latitude").problem().contains("not a number"));
        assertTrue(GeoInput.number("", "Radius").problem().contains("empty"));
        assertFalse(GeoInput.number("Infinity", "Radius").ok());
    }

    @Test
    void pointsBeyondTheLimitsAreRefusedWithTheReason() {
        assertNull(GeoInput.pointProblem("-35", "33"));
        assertTrue(GeoInput.pointProblem("0", "85.06").contains("85.05112878"));
        assertTrue(GeoInput.pointProblem("-180.01", "0").contains("-180 … 180"));
        assertTrue(GeoInput.pointProblem("0", "nan").contains("NaN"));
    }

    @Test
    void aRadiusOrBoxMustBePositive() {
        assertNull(GeoInput.shapeProblem(SearchShape.circle(0, 0, 3, SearchShape.Unit.KM), true));
        assertNotNull(GeoInput.shapeProblem(SearchShape.circle(0, 0, 0, SearchShape.Unit.KM), true));
        assertNotNull(GeoInput.shapeProblem(SearchShape.circle(0, 0, -1, SearchShape.Unit.M), true));
        assertNotNull(GeoInput.shapeProblem(SearchShape.box(0, 0, 2, 0, SearchShape.Unit.M), true));
        assertNotNull(GeoInput.shapeProblem(SearchShape.circle(0, 86, 3, SearchShape.Unit.KM), true));
        assertNull(GeoInput.shapeProblem(SearchShape.circle(0, 86, 3, SearchShape.Unit.KM), false), "FROMMEMBER: centre from the member");
        assertEquals(0, GeoInput.count("").value());
        assertFalse(GeoInput.count("0").ok());
        assertFalse(GeoInput.count("2.5").ok());
    }

    @Test
    void aGeoKeyIsToldFromALeaderboard() {
        assertNull(KeyFinder.verdict("k", List.of(3479099956230698.0, 3479447370796909.0)));
        assertTrue(KeyFinder.verdict("k", List.of(1.5, 3479099956230698.0)).contains("not GEO data"));
        assertTrue(KeyFinder.verdict("k", List.of(100.0, 2500.0, 1.7e12)).contains("ordinary sorted set"));
        assertTrue(KeyFinder.verdict("k", List.of(-1.0)).contains("not GEO data"));
        assertTrue(KeyFinder.verdict("k", List.of(0x1p52)).contains("not GEO data"));
    }

    @Test
    void theViewportMapsBackAndForthAndZoomsAboutThePointer() {
        Viewport v = new Viewport(-35, 33, 20_000, 800, 500);
        assertEquals(400, v.x(-35), 1e-9);
        assertEquals(250, v.y(33), 1e-9);
        assertEquals(-34.99, v.lonAt(v.x(-34.99)), 1e-12);
        assertEquals(33.01, v.latAt(v.y(33.01)), 1e-12);
        double lon = v.lonAt(600);
        double lat = v.latAt(100);
        Viewport z = v.zoomed(2, 600, 100);
        assertEquals(600, z.x(lon), 1.0);
        assertEquals(100, z.y(lat), 1.0);
        Viewport f = v.fit(GameWorld.bounds());
        double[] vis = f.visible();
        double[] b = GameWorld.bounds();
        assertTrue(vis[0] <= b[0] + 1e-9 && vis[1] <= b[1] + 1e-9 && vis[2] >= b[2] - 1e-9 && vis[3] >= b[3] - 1e-9);
        assertEquals(GeoHash.EARTH_RADIUS_M * Math.PI / 180 / 20_000, v.metersPerPixel(), 1e-9);
    }

    @Test
    void theIslandPlacesTheTalksMembersAsTheTalkDescribes() {
        GameWorld.Place alice = GameWorld.talkPreset().get(0);
        GameWorld.Place beach = GameWorld.talkPreset().get(1);
        double[] q = GameWorld.queryPoint();
        assertEquals(1617, GeoHash.distance(alice.lon(), alice.lat(), beach.lon(), beach.lat()), 5, "about 1,617 m apart");
        assertTrue(GeoHash.distance(q[0], q[1], alice.lon(), alice.lat()) < 1000);
        double toBeach = GeoHash.distance(q[0], q[1], beach.lon(), beach.lat());
        assertTrue(toBeach > 1000 && toBeach < 3000, "the beach is between 1 and 3 km from the asking player");
    }
}
