package dev.valkeyexplainer.concepts.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of the sorted set a GEOSEARCH reads, computed exactly as the server does in
 * {@code geohashCalculateAreasByShapeWGS84} ({@code src/geohash_helper.c}) and
 * {@code membersOfAllNeighbors} ({@code src/geo.c}):
 * <ol>
 *   <li>pick a step for the radius ({@link GeoHash#estimateSteps}; a box uses half its diagonal);</li>
 *   <li>take the cell of that step holding the centre, and its 8 neighbours;</li>
 *   <li>if a side neighbour does not reach the edge of the shape's bounding box, go one step coarser;</li>
 *   <li>drop the neighbours on a side the bounding box does not reach (from step 2 on);</li>
 *   <li>read each remaining cell as one score range {@code [min, max)} of the sorted set, skipping a
 *       neighbour equal to the neighbour read just before it (huge radii make neighbours coincide;
 *       as in the C loop, the comparison starts only once a neighbour has been read);</li>
 *   <li>keep the candidates inside the shape ({@link SearchShape#contains}).</li>
 * </ol>
 *
 * @param shape         the searched area
 * @param bounds        the bounding box {minLon, minLat, maxLon, maxLat}
 * @param estimatedStep the step {@code geohashEstimateStepsByRadius} gave
 * @param step          the step used (one less when a neighbour fell short of the box)
 * @param cells         the 9 cells in the server's order: centre, N, S, E, W, NE, NW, SE, SW
 */
public record ScanPlan(SearchShape shape, double[] bounds, int estimatedStep, int step, List<ScanCell> cells) {

    /**
     * One of the 9 cells.
     *
     * @param direction "centre", "N", "S", "E", "W", "NE", "NW", "SE" or "SW"
     * @param excluded  dropped because the shape does not reach that side (the server zeroes it)
     * @param duplicate the same cell as the one read before it, so the server skips it
     */
    public record ScanCell(String direction, GeoHash.Cell cell, boolean excluded, boolean duplicate) {

        /** Whether the server runs a range query for this cell. */
        public boolean scanned() {
            return !excluded && !duplicate;
        }
    }

    public ScanPlan {
        bounds = bounds.clone();
        cells = List.copyOf(cells);
    }

    /** Whether the step was decreased from the estimate. */
    public boolean decreased() {
        return step != estimatedStep;
    }

    /** The cells the server reads, in its order. */
    public List<ScanCell> scanned() {
        return cells.stream().filter(ScanCell::scanned).toList();
    }

    /** Whether a score lies in one of the scanned cells, i.e. the server looks at it. */
    public boolean covers(long score) {
        return scanned().stream().anyMatch(c -> c.cell().containsScore(score));
    }

    /** The plan for a shape. */
    public static ScanPlan of(SearchShape shape) {
        double[] b = shape.bounds();
        int estimated = GeoHash.estimateSteps(shape.stepRadiusMeters(), shape.lat());
        int step = estimated;
        long hash = GeoHash.encode(shape.lon(), shape.lat(), step);
        GeoHash.Cell north = GeoHash.decode(GeoHash.neighbour(hash, step, 0, 1), step);
        GeoHash.Cell south = GeoHash.decode(GeoHash.neighbour(hash, step, 0, -1), step);
        GeoHash.Cell east = GeoHash.decode(GeoHash.neighbour(hash, step, 1, 0), step);
        GeoHash.Cell west = GeoHash.decode(GeoHash.neighbour(hash, step, -1, 0), step);
        boolean decrease = north.latMax() < b[3] || south.latMin() > b[1] || east.lonMax() < b[2] || west.lonMin() > b[0];
        if (step > 1 && decrease) {
            step--;
            hash = GeoHash.encode(shape.lon(), shape.lat(), step);
        }
        GeoHash.Cell area = GeoHash.decode(hash, step);
        boolean dropS = step >= 2 && area.latMin() < b[1];
        boolean dropN = step >= 2 && area.latMax() > b[3];
        boolean dropW = step >= 2 && area.lonMin() < b[0];
        boolean dropE = step >= 2 && area.lonMax() > b[2];
        String[] names = {"centre", "N", "S", "E", "W", "NE", "NW", "SE", "SW"};
        int[][] moves = {{0, 0}, {0, 1}, {0, -1}, {1, 0}, {-1, 0}, {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
        List<ScanCell> cells = new ArrayList<>();
        long[] all = new long[names.length];
        int last = 0; // the C loop's last_processed: 0 (falsy) until a neighbour has been read
        for (int i = 0; i < names.length; i++) {
            int dx = moves[i][0];
            int dy = moves[i][1];
            long bits = GeoHash.neighbour(hash, step, dx, dy);
            all[i] = bits;
            boolean excluded = (dy < 0 && dropS) || (dy > 0 && dropN) || (dx < 0 && dropW) || (dx > 0 && dropE);
            boolean duplicate = !excluded && last != 0 && bits == all[last];
            if (!excluded && !duplicate) last = i;
            cells.add(new ScanCell(names[i], GeoHash.decode(bits, step), excluded, duplicate));
        }
        return new ScanPlan(shape, b, estimated, step, cells);
    }
}
