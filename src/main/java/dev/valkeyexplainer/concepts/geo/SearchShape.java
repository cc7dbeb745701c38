package dev.valkeyexplainer.concepts.geo;

import glide.api.models.commands.geospatial.GeoUnit;
import java.util.Locale;

/**
 * The area a GEOSEARCH covers: a circle ({@code BYRADIUS r unit}) or a box ({@code BYBOX w h unit})
 * around a centre, as the server's {@code GeoShape} holds it ({@code src/geohash.h}).
 *
 * @param lon    centre longitude, degrees (for FROMMEMBER: the member's decoded position)
 * @param lat    centre latitude, degrees
 * @param radius circle radius in {@code unit} (0 for a box)
 * @param width  box width in {@code unit} (0 for a circle)
 * @param height box height in {@code unit} (0 for a circle)
 */
public record SearchShape(Kind kind, double lon, double lat, double radius, double width, double height, Unit unit) {

    /** BYRADIUS or BYBOX. */
    public enum Kind { RADIUS, BOX }

    /** The four units and their factors to metres ({@code extractUnitOrReply} in {@code src/geo.c}). */
    public enum Unit {
        M("m", 1, GeoUnit.METERS), KM("km", 1000, GeoUnit.KILOMETERS), MI("mi", 1609.34, GeoUnit.MILES),
        FT("ft", 0.3048, GeoUnit.FEET);

        private final String label;
        private final double meters;
        private final GeoUnit glide;

        Unit(String label, double meters, GeoUnit glide) {
            this.label = label;
            this.meters = meters;
            this.glide = glide;
        }

        /** Metres in one of this unit (the server's "conversion"). */
        public double meters() {
            return meters;
        }

        public GeoUnit glide() {
            return glide;
        }

        /** As the server takes it: m, km, mi, ft. */
        @Override
        public String toString() {
            return label;
        }
    }

    public static SearchShape circle(double lon, double lat, double radius, Unit unit) {
        return new SearchShape(Kind.RADIUS, lon, lat, radius, 0, 0, unit);
    }

    public static SearchShape box(double lon, double lat, double width, double height, Unit unit) {
        return new SearchShape(Kind.BOX, lon, lat, 0, width, height, unit);
    }

    public SearchShape at(double newLon, double newLat) {
        return new SearchShape(kind, newLon, newLat, radius, width, height, unit);
    }

    /**
     * The radius used to pick the step: the circle's radius, or half the box's diagonal (the distance
     * from the centre to a corner), in metres ({@code geohashCalculateAreasByShapeWGS84}).
     */
    public double stepRadiusMeters() {
        double r = kind == Kind.RADIUS ? radius : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
        return r * unit.meters();
    }

    /**
     * {@code geohashBoundingBox}: the longitude / latitude box around the shape, widened on the side
     * nearer the pole where a metre spans more longitude.
     *
     * @return {minLon, minLat, maxLon, maxLat}, degrees (may pass ±180 for a box across the antimeridian)
     */
    public double[] bounds() {
        double h = unit.meters() * (kind == Kind.RADIUS ? radius : height / 2);
        double w = unit.meters() * (kind == Kind.RADIUS ? radius : width / 2);
        double r = GeoHash.EARTH_RADIUS_M;
        double latDelta = GeoHash.radDeg(h / r);
        double lonDeltaTop = GeoHash.radDeg(w / r / Math.cos(GeoHash.degRad(lat + latDelta)));
        double lonDeltaBottom = GeoHash.radDeg(w / r / Math.cos(GeoHash.degRad(lat - latDelta)));
        boolean south = lat < 0;
        return new double[]{south ? lon - lonDeltaBottom : lon - lonDeltaTop, lat - latDelta,
                south ? lon + lonDeltaBottom : lon + lonDeltaTop, lat + latDelta};
    }

    /**
     * {@code geoWithinShape}: whether the server keeps a candidate. A circle keeps it when its
     * Haversine distance is at most the radius; a box when its north-south distance is at most half the
     * height and its east-west distance, measured along the candidate's own latitude, at most half the
     * width ({@code geohashGetDistanceIfInRectangle}).
     */
    public boolean contains(double pLon, double pLat) {
        if (kind == Kind.RADIUS) return GeoHash.distance(lon, lat, pLon, pLat) <= radius * unit.meters();
        if (GeoHash.latDistance(pLat, lat) > height * unit.meters() / 2) return false;
        return GeoHash.distance(pLon, pLat, lon, pLat) <= width * unit.meters() / 2;
    }

    /** The distance GEOSEARCH WITHDIST reports for a point, in this shape's unit. */
    public double distanceTo(double pLon, double pLat) {
        return GeoHash.distance(lon, lat, pLon, pLat) / unit.meters();
    }

    /** "3 km radius" or "4 × 2 km box". */
    public String describe() {
        return kind == Kind.RADIUS ? fmt(radius) + " " + unit + " radius" : fmt(width) + " × " + fmt(height) + " " + unit + " box";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
