package dev.valkeyexplainer.concepts.geo;

/**
 * The map's view: which longitude / latitude sits at the centre of the canvas and how many pixels a
 * degree of latitude takes. The projection is equirectangular with longitudes shrunk by the cosine
 * of the view's centre latitude, so that near the centre a metre is as long east-west as north-south
 * (the scale bar is true there) and every geohash cell, a longitude × latitude rectangle, is drawn
 * as a rectangle. Immutable; all methods are pure.
 *
 * @param lon      longitude at the canvas centre, degrees
 * @param lat      latitude at the canvas centre, degrees (kept within ±85.05)
 * @param pxPerDeg pixels per degree of latitude (1 … 5e7)
 * @param width    canvas width, pixels
 * @param height   canvas height, pixels
 */
public record Viewport(double lon, double lat, double pxPerDeg, double width, double height) {

    public static final double MIN_PX_PER_DEG = 1.0;
    public static final double MAX_PX_PER_DEG = 5e7; // ~2 mm per pixel: finer than a step-26 cell

    public Viewport {
        pxPerDeg = Math.max(MIN_PX_PER_DEG, Math.min(MAX_PX_PER_DEG, pxPerDeg));
        lat = Math.max(GeoHash.LAT_MIN, Math.min(GeoHash.LAT_MAX, lat));
        lon = wrap(lon);
    }

    private static double wrap(double lon) {
        if (lon >= -180 && lon <= 180) return lon;
        double w = ((lon + 180) % 360 + 360) % 360 - 180;
        return w;
    }

    /** How much a degree of longitude is shorter than one of latitude, at the view's centre. */
    public double lonFactor() {
        return Math.max(0.05, Math.cos(Math.toRadians(lat)));
    }

    public double x(double pLon) {
        return width / 2 + (pLon - lon) * lonFactor() * pxPerDeg;
    }

    public double y(double pLat) {
        return height / 2 - (pLat - lat) * pxPerDeg;
    }

    public double lonAt(double px) {
        return lon + (px - width / 2) / (lonFactor() * pxPerDeg);
    }

    public double latAt(double py) {
        return lat - (py - height / 2) / pxPerDeg;
    }

    /** Metres per pixel at the centre (on the server's sphere). */
    public double metersPerPixel() {
        return GeoHash.degRad(1) * GeoHash.EARTH_RADIUS_M / pxPerDeg;
    }

    public Viewport resized(double w, double h) {
        return new Viewport(lon, lat, pxPerDeg, w, h);
    }

    /** Moved by a drag of (dx, dy) pixels: the map follows the pointer. */
    public Viewport panned(double dx, double dy) {
        return new Viewport(lon - dx / (lonFactor() * pxPerDeg), lat + dy / pxPerDeg, pxPerDeg, width, height);
    }

    /** Zoomed by {@code factor} keeping the point under (px, py) where it is. */
    public Viewport zoomed(double factor, double px, double py) {
        double pLon = lonAt(px);
        double pLat = latAt(py);
        Viewport z = new Viewport(lon, lat, pxPerDeg * factor, width, height);
        // shift so that (pLon, pLat) is again under the pointer; twice, as the shift changes the cosine factor
        for (int i = 0; i < 2; i++) z = z.panned(px - z.x(pLon), py - z.y(pLat));
        return z;
    }

    /** A view that shows the box {minLon, minLat, maxLon, maxLat} whole, centred. */
    public Viewport fit(double[] box) {
        double cLat = (box[1] + box[3]) / 2;
        double cLon = (box[0] + box[2]) / 2;
        double f = Math.max(0.05, Math.cos(Math.toRadians(cLat)));
        double spanX = Math.max(1e-9, (box[2] - box[0]) * f);
        double spanY = Math.max(1e-9, box[3] - box[1]);
        double k = Math.min(Math.max(1, width) / spanX, Math.max(1, height) / spanY);
        return new Viewport(cLon, cLat, k, width, height);
    }

    /** The longitude / latitude box on screen: {minLon, minLat, maxLon, maxLat}. */
    public double[] visible() {
        return new double[]{lonAt(0), latAt(height), lonAt(width), latAt(0)};
    }
}
