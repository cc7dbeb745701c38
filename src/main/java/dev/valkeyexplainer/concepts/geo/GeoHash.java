package dev.valkeyexplainer.concepts.geo;

/**
 * The server's own geohash, bit for bit: how GEOADD turns a longitude and latitude into a sorted-set
 * score, how GEOPOS turns the score back, the neighbour cells, the step picked for a radius and the
 * Haversine distance. Everything here mirrors Valkey 8.0's C sources so that the app can show what
 * the server computes (and the tests check that it agrees with a real server):
 * <ul>
 *   <li>{@code src/geohash.h}: the limits ({@code GEO_LAT_MIN/MAX = ±85.05112878}, {@code GEO_LONG_MIN/MAX
 *       = ±180}, the EPSG:900913 Web Mercator square) and {@code GEO_STEP_MAX = 26} (26 × 2 = 52 bits);</li>
 *   <li>{@code src/geohash.c}: {@code geohashEncode} (each axis scaled to [0, 1) and cut into 2^step
 *       slices), {@code interleave64} (latitude bits at even positions, longitude bits at odd ones, so
 *       the top bit of a 52-bit score is a longitude bit), {@code geohashDecode}, {@code geohash_move_x/y}
 *       and {@code geohashNeighbors};</li>
 *   <li>{@code src/geohash_helper.c}: {@code geohashEstimateStepsByRadius}, {@code geohashAlign52Bits},
 *       {@code geohashGetDistance} (Haversine on a sphere of radius 6,372,797.560856 m);</li>
 *   <li>{@code src/geo.c}: {@code decodeGeohash} (a score is decoded at step 26 to the centre of its
 *       cell), {@code scoresOfGeoHashBox} and the {@code GEOHASH} command's re-encoding with the
 *       standard latitude range ±90.</li>
 * </ul>
 * All methods are pure and thread-safe.
 */
public final class GeoHash {

    public static final double LAT_MIN = -85.05112878;
    public static final double LAT_MAX = 85.05112878;
    public static final double LON_MIN = -180;
    public static final double LON_MAX = 180;
    /** 26 steps per axis: a 52-bit score, which a double (the sorted-set score) holds exactly. */
    public static final int STEP_MAX = 26;
    /** {@code EARTH_RADIUS_IN_METERS} in {@code geohash_helper.c}: the quadratic mean radius of WGS-84. */
    public static final double EARTH_RADIUS_M = 6372797.560856;
    /** {@code MERCATOR_MAX} in {@code geohash_helper.c}: half the Web Mercator world width in metres. */
    static final double MERCATOR_MAX = 20037726.37;
    private static final double D_R = Math.PI / 180.0;

    private GeoHash() {
    }

    /**
     * One geohash cell: the {@code 2 × step} interleaved bits and the rectangle they stand for.
     *
     * @param step   1 … 26 bits per axis
     * @param bits   the interleaved bits, {@code 2 × step} of them (not yet aligned to 52 bits)
     * @param lonMin west edge, degrees; {@code lonMax} east edge; {@code latMin}/{@code latMax} likewise
     */
    public record Cell(int step, long bits, double lonMin, double lonMax, double latMin, double latMax) {

        /** The lowest score inside the cell (inclusive): the bits aligned to 52 ({@code geohashAlign52Bits}). */
        public long minScore() {
            return bits << (52 - 2 * step);
        }

        /** The first score past the cell (exclusive), as {@code scoresOfGeoHashBox} computes it. */
        public long maxScore() {
            return (bits + 1) << (52 - 2 * step);
        }

        public boolean containsScore(long score) {
            return score >= minScore() && score < maxScore();
        }

        public double centreLon() {
            return (lonMin + lonMax) / 2;
        }

        public double centreLat() {
            return (latMin + latMax) / 2;
        }

        /** East-west size in metres, measured along the cell's middle latitude. */
        public double widthMeters() {
            return distance(lonMin, centreLat(), lonMax, centreLat());
        }

        /** North-south size in metres. */
        public double heightMeters() {
            return EARTH_RADIUS_M * (latMax - latMin) * D_R;
        }
    }

    /** {@code deg_rad} in {@code geohash_helper.c}. */
    static double degRad(double deg) {
        return deg * D_R;
    }

    /** {@code rad_deg} in {@code geohash_helper.c} (a division, as there: not {@link Math#toDegrees}). */
    static double radDeg(double rad) {
        return rad / D_R;
    }

    /** Says what is wrong with a coordinate pair for GEOADD, or null when the server accepts it. */
    public static String coordinateProblem(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) return "Longitude and latitude must be numbers (NaN is not a position).";
        if (lon < LON_MIN || lon > LON_MAX) {
            return String.format(java.util.Locale.ROOT, "Longitude %s is outside -180 … 180.", lon);
        }
        if (lat < LAT_MIN || lat > LAT_MAX) {
            return String.format(java.util.Locale.ROOT, "Latitude %s is outside ±85.05112878: Valkey's geohash covers"
                    + " the Web Mercator square only (src/geohash.h), so the poles cannot be stored.", lat);
        }
        return null;
    }

    /**
     * {@code geohashEncode} with Valkey's ranges: the cell of the given step that holds the point.
     *
     * @throws IllegalArgumentException for a step outside 1 … 32 or a position outside the limits
     */
    public static long encode(double lon, double lat, int step) {
        return encode(lon, lat, step, LON_MIN, LON_MAX, LAT_MIN, LAT_MAX);
    }

    static long encode(double lon, double lat, int step, double lonMin, double lonMax, double latMin, double latMax) {
        if (step < 1 || step > 32) throw new IllegalArgumentException("step must be 1 … 32, not " + step);
        String problem = coordinateProblem(lon, lat);
        if (problem != null) throw new IllegalArgumentException(problem);
        double latOffset = (lat - latMin) / (latMax - latMin);
        double lonOffset = (lon - lonMin) / (lonMax - lonMin);
        latOffset *= (double) (1L << step); // fixed point with `step` bits; the C cast to uint32_t truncates
        lonOffset *= (double) (1L << step);
        return interleave((long) latOffset, (long) lonOffset);
    }

    /** The 52-bit score GEOADD stores for a position: {@code geohashAlign52Bits(geohashEncode(…, 26))}. */
    public static long score(double lon, double lat) {
        return encode(lon, lat, STEP_MAX);
    }

    /** {@code geohashDecode}: the rectangle of a cell given its bits and step. */
    public static Cell decode(long bits, int step) {
        long sep = deinterleave(bits);
        long ilat = sep & 0xFFFFFFFFL;
        long ilon = sep >>> 32;
        double latScale = LAT_MAX - LAT_MIN;
        double lonScale = LON_MAX - LON_MIN;
        double slices = (double) (1L << step);
        return new Cell(step, bits,
                LON_MIN + (ilon * 1.0 / slices) * lonScale, LON_MIN + ((ilon + 1) * 1.0 / slices) * lonScale,
                LAT_MIN + (ilat * 1.0 / slices) * latScale, LAT_MIN + ((ilat + 1) * 1.0 / slices) * latScale);
    }

    /** The step-26 cell a score stands for. */
    public static Cell cellOfScore(long score) {
        return decode(score, STEP_MAX);
    }

    /** The cell of the given step that contains a score: its top {@code 2 × step} bits. */
    public static Cell cellOfScore(long score, int step) {
        return decode(score >>> (52 - 2 * step), step);
    }

    /**
     * What GEOPOS answers for a score ({@code decodeGeohash} → {@code geohashDecodeAreaToLongLat}): the
     * centre of its step-26 cell, clamped to the limits.
     *
     * @return {longitude, latitude} in degrees
     */
    public static double[] position(long score) {
        Cell c = cellOfScore(score);
        double lon = Math.max(LON_MIN, Math.min(LON_MAX, (c.lonMin() + c.lonMax()) / 2));
        double lat = Math.max(LAT_MIN, Math.min(LAT_MAX, (c.latMin() + c.latMax()) / 2));
        return new double[]{lon, lat};
    }

    /** Moves a cell {@code dLon} cells east (+1) or west (-1), wrapping round the world ({@code geohash_move_x}). */
    static long moveX(long bits, int step, int dLon) {
        if (dLon == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL; // longitude bits: odd positions
        long y = bits & 0x5555555555555555L;
        long zz = 0x5555555555555555L >>> (64 - step * 2);
        if (dLon > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        return x | y;
    }

    /** Moves a cell {@code dLat} cells north (+1) or south (-1), wrapping at the edges ({@code geohash_move_y}). */
    static long moveY(long bits, int step, int dLat) {
        if (dLat == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL;
        long y = bits & 0x5555555555555555L; // latitude bits: even positions
        long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        if (dLat > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= 0x5555555555555555L >>> (64 - step * 2);
        return x | y;
    }

    /** The neighbour of a cell, {@code dLon} east and {@code dLat} north (each -1, 0 or +1). */
    public static long neighbour(long bits, int step, int dLon, int dLat) {
        return moveY(moveX(bits, step, dLon), step, dLat);
    }

    /**
     * {@code geohashEstimateStepsByRadius}: the step whose cells are about as large as the radius (the
     * radius is doubled until it passes half the Mercator width, then 2 is taken off), one coarser above
     * 66° and two coarser above 80°, where meridians converge; framed to 1 … 26.
     */
    public static int estimateSteps(double radiusMeters, double lat) {
        if (radiusMeters == 0) return 26;
        int step = 1;
        while (radiusMeters < MERCATOR_MAX) {
            radiusMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) step--;
        }
        return Math.max(1, Math.min(26, step));
    }

    /** {@code geohashGetDistance}: Haversine great-circle distance in metres on the server's sphere. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        double lon1r = lon1 * D_R;
        double lon2r = lon2 * D_R;
        double v = Math.sin((lon2r - lon1r) / 2);
        if (v == 0.0) return latDistance(lat1, lat2);
        double lat1r = lat1 * D_R;
        double lat2r = lat2 * D_R;
        double u = Math.sin((lat2r - lat1r) / 2);
        double a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    /** {@code geohashGetLatDistance}: the north-south distance between two latitudes, in metres. */
    public static double latDistance(double lat1, double lat2) {
        return EARTH_RADIUS_M * Math.abs(lat2 * D_R - lat1 * D_R);
    }

    /**
     * What the GEOHASH command prints for a score: the position decoded, re-encoded with the standard
     * ranges (latitude ±90, not ±85.05), and written as 11 base-32 characters, the last always '0'
     * because only 52 bits exist ({@code geohashCommand} in {@code geo.c}). So it is not the score's bits.
     */
    public static String standardGeohash(long score) {
        String alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";
        double[] xy = position(score);
        long bits = encode(xy[0], xy[1], 26, -180, 180, -90, 90);
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - (i + 1) * 5)) & 0x1f);
            sb.append(alphabet.charAt(idx));
        }
        return sb.toString();
    }

    /** {@code interleave64}: the bits of {@code even} at even positions, those of {@code odd} at odd ones. */
    static long interleave(long even, long odd) {
        return spread(even) | (spread(odd) << 1);
    }

    /** {@code deinterleave64}: even-position bits in the low 32 bits, odd-position bits in the high 32. */
    static long deinterleave(long interleaved) {
        return compact(interleaved) | (compact(interleaved >>> 1) << 32);
    }

    private static long spread(long v) {
        long x = v & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & 0x5555555555555555L;
        return x;
    }

    private static long compact(long v) {
        long x = v & 0x5555555555555555L;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
        return x;
    }
}
