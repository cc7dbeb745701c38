package dev.valkeyexplainer.concepts.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * The game's world, drawn by the app at the talk's scale: an island with a town, a beach, a harbour,
 * a forest and paths, a few kilometres across, placed on the real globe in the open Atlantic
 * (nothing real is there, so real-world data on another key never overlaps it). Shapes are given in
 * metres east / north of the island's centre and converted to longitude / latitude on the server's
 * sphere; the map draws them, Valkey never sees them. The talk's example is a preset: Alice in the
 * town, "Beach One" on the beach about 1.6 km away, and a player asking from a point within 1 km of
 * Alice and between 1 and 3 km of the beach.
 */
public final class GameWorld {

    /** The island's centre. */
    public static final double LON0 = -35.0;
    public static final double LAT0 = 33.0;

    /** What a shape is, for its colour. */
    public enum Kind { LAND, SAND, FOREST, LAKE, BLOCK, PATH, PIER }

    /** A drawn shape: a closed ring, or an open line for paths. Coordinates: {lon, lat} pairs. */
    public record Shape(Kind kind, String label, double[] lons, double[] lats) {
    }

    /** A member of the preset. */
    public record Place(String name, double lon, double lat, boolean player) {
    }

    private GameWorld() {
    }

    /** Longitude of a point {@code eastM} metres east of the centre (at the centre's latitude). */
    public static double lon(double eastM) {
        return LON0 + GeoHash.radDeg(eastM / (GeoHash.EARTH_RADIUS_M * Math.cos(GeoHash.degRad(LAT0))));
    }

    /** Latitude of a point {@code northM} metres north of the centre. */
    public static double lat(double northM) {
        return LAT0 + GeoHash.radDeg(northM / GeoHash.EARTH_RADIUS_M);
    }

    private static Shape shape(Kind kind, String label, double... xy) {
        double[] lons = new double[xy.length / 2];
        double[] lats = new double[xy.length / 2];
        for (int i = 0; i < lons.length; i++) {
            lons[i] = lon(xy[2 * i]);
            lats[i] = lat(xy[2 * i + 1]);
        }
        return new Shape(kind, label, lons, lats);
    }

    /** The island's shapes, back to front. */
    public static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        s.add(shape(Kind.LAND, "", -3200, 400, -2900, 1500, -2000, 2300, -700, 2600, 800, 2450, 2200, 2000, 3100, 1100,
                3300, -100, 2800, -1000, 1900, -1500, 800, -1750, -600, -1700, -1800, -1500, -2700, -900));
        s.add(shape(Kind.SAND, "Beach", -1800, -1500, -600, -1700, 800, -1750, 1900, -1500, 1750, -1250, 800, -1420,
                -600, -1380, -1700, -1200));
        s.add(shape(Kind.FOREST, "Forest", -2700, 600, -2400, 1600, -1500, 2000, -900, 1700, -1100, 900, -1900, 400));
        s.add(shape(Kind.LAKE, "Lake", 1500, 700, 1900, 1100, 2350, 950, 2300, 500, 1850, 380));
        s.add(shape(Kind.PIER, "Harbour", 3150, -300, 3700, -300, 3700, -220, 3150, -220));
        s.add(shape(Kind.PATH, "", -350, 100, -900, -500, -700, -1100, 400, -1300));        // town → beach
        s.add(shape(Kind.PATH, "", 350, 150, 1400, 0, 2500, -150, 3150, -260));            // town → harbour
        s.add(shape(Kind.PATH, "", -300, 650, -900, 1000, -1500, 1200));                   // town → forest
        s.add(shape(Kind.PATH, "", 300, 650, 900, 1300, 1500, 1450, 1750, 1100));          // town → lake
        // the town: blocks around a square at (0, 300)
        for (int row = -2; row <= 2; row++) {
            for (int col = -3; col <= 3; col++) {
                if (Math.abs(row) <= 0 && Math.abs(col) <= 1) continue; // the square
                double x = col * 110;
                double y = 300 + row * 100;
                s.add(shape(Kind.BLOCK, "", x - 40, y - 35, x + 40, y - 35, x + 40, y + 35, x - 40, y + 35));
            }
        }
        return s;
    }

    /** Labels placed on the map: {name, east m, north m}. */
    public static List<Place> labels() {
        return List.of(new Place("Town", lon(0), lat(620), false), new Place("Beach", lon(-900), lat(-1600), false),
                new Place("Forest", lon(-1900), lat(1300), false), new Place("Lake", lon(1950), lat(750), false),
                new Place("Harbour", lon(3400), lat(-480), false));
    }

    /** The talk's two members: Alice in the town square, the beach's point of interest. */
    public static List<Place> talkPreset() {
        return List.of(new Place("Alice", lon(0), lat(300), true), new Place("Beach One", lon(400), lat(-1267), false));
    }

    /** More players and points of interest, some outside 3 km, so the distance filter has work to do. */
    public static List<Place> morePlaces() {
        return List.of(new Place("Tavern", lon(250), lat(200), false), new Place("Carol", lon(2950), lat(-350), true),
                new Place("Dave", lon(-1800), lat(1500), true), new Place("Lighthouse", lon(3250), lat(-1150), false),
                new Place("Erin", lon(1700), lat(1500), true), new Place("Old Mill", lon(-2600), lat(-700), false));
    }

    /** Where the talk's second player stands when asking who is near: within 1 km of Alice only. */
    public static double[] queryPoint() {
        return new double[]{lon(-500), lat(900)};
    }

    /** {minLon, minLat, maxLon, maxLat} of the island with a margin: the map's home view. */
    public static double[] bounds() {
        return new double[]{lon(-3600), lat(-2100), lon(3900), lat(2900)};
    }
}
