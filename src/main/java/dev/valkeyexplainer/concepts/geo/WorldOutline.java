package dev.valkeyexplainer.concepts.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The coarse world outline drawn when the map is zoomed out: Natural Earth's 1:110m land polygons
 * (public domain), shipped as {@code land-110m.txt} next to this class (its README says where it
 * comes from and how it was converted). One ring per line, {@code lon,lat} pairs separated by spaces.
 */
public final class WorldOutline {

    /** One land ring with its bounding box (for skipping rings off screen). */
    public record Ring(double[] lons, double[] lats, double minLon, double minLat, double maxLon, double maxLat) {
    }

    private final List<Ring> rings;

    private WorldOutline(List<Ring> rings) {
        this.rings = List.copyOf(rings);
    }

    public List<Ring> rings() {
        return rings;
    }

    /**
     * Reads the bundled outline.
     *
     * @throws UncheckedIOException when the resource is missing or malformed
     */
    public static WorldOutline load() {
        try (InputStream in = WorldOutline.class.getResourceAsStream("land-110m.txt")) {
            if (in == null) throw new IOException("land-110m.txt is not on the class path");
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the world outline: " + e.getMessage(), e));
        }
    }

    static WorldOutline parse(BufferedReader reader) throws IOException {
        List<Ring> rings = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] pts = line.trim().split(" ");
            double[] lons = new double[pts.length];
            double[] lats = new double[pts.length];
            double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
            for (int i = 0; i < pts.length; i++) {
                int comma = pts[i].indexOf(',');
                lons[i] = Double.parseDouble(pts[i].substring(0, comma));
                lats[i] = Double.parseDouble(pts[i].substring(comma + 1));
                minLon = Math.min(minLon, lons[i]);
                maxLon = Math.max(maxLon, lons[i]);
                minLat = Math.min(minLat, lats[i]);
                maxLat = Math.max(maxLat, lats[i]);
            }
            rings.add(new Ring(lons, lats, minLon, minLat, maxLon, maxLat));
        }
        return new WorldOutline(rings);
    }
}
