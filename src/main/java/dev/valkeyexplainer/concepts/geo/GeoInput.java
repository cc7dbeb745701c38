package dev.valkeyexplainer.concepts.geo;

import java.util.Locale;

/**
 * Checks what the user typed before anything is sent: a bad value gets a clear sentence and no
 * command runs. The limits are the server's ({@code extractLongLatOrReply}, {@code extractDistanceOrReply}
 * in {@code src/geo.c}), made stricter where the server accepts something that makes no sense for a
 * search: the server takes a radius of 0, the app asks for more than 0.
 */
public final class GeoInput {

    private GeoInput() {
    }

    /** A number typed in a field, or a sentence saying why it is not one. */
    public record Parsed(double value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Reads a decimal number ("12.5", "-35", "1,000" with thousands commas); NaN and infinities are refused.
     *
     * @param what the field's name for the message, e.g. "Latitude"
     */
    public static Parsed number(String typed, String what) {
        String t = typed == null ? "" : typed.strip().replace(",", "").replace("_", "");
        if (t.isEmpty()) return new Parsed(Double.NaN, what + " is empty.");
        if (t.equalsIgnoreCase("nan")) return new Parsed(Double.NaN, what + " must be a number, not NaN.");
        try {
            double v = Double.parseDouble(t);
            if (Double.isNaN(v)) return new Parsed(v, what + " must be a number, not NaN.");
            if (Double.isInfinite(v)) return new Parsed(v, what + " must be finite.");
            return new Parsed(v, null);
        } catch (NumberFormatException e) {
            return new Parsed(Double.NaN, what + " '" + typed.strip() + "' is not a number.");
        }
    }

    /** A longitude / latitude pair as typed; the problem of the first bad field, or of the pair. */
    public static String pointProblem(String lonText, String latText) {
        Parsed lon = number(lonText, "Longitude");
        if (!lon.ok()) return lon.problem();
        Parsed lat = number(latText, "Latitude");
        if (!lat.ok()) return lat.problem();
        return GeoHash.coordinateProblem(lon.value(), lat.value());
    }

    /** A member name: not empty, at most 200 characters. */
    public static String memberProblem(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) return "Type a member name first.";
        if (n.length() > 200) return "Keep the member name under 200 characters.";
        return null;
    }

    /**
     * What is wrong with a search, or null. Radius, width and height must be greater than 0 and at most
     * half the Earth's circumference (about 20,000 km); the centre must be a storable position.
     *
     * @param checkCentre false for FROMMEMBER, whose centre the server takes from the member
     */
    public static String shapeProblem(SearchShape s, boolean checkCentre) {
        if (checkCentre) {
            String p = GeoHash.coordinateProblem(s.lon(), s.lat());
            if (p != null) return p;
        }
        double maxMeters = Math.PI * GeoHash.EARTH_RADIUS_M;
        if (s.kind() == SearchShape.Kind.RADIUS) {
            if (Double.isNaN(s.radius()) || s.radius() <= 0) return "The radius must be greater than 0.";
            if (s.radius() * s.unit().meters() > maxMeters) return "A radius over 20,000 km covers the whole Earth.";
        } else {
            if (Double.isNaN(s.width()) || Double.isNaN(s.height()) || s.width() <= 0 || s.height() <= 0) {
                return "The box's width and height must be greater than 0.";
            }
            if (s.width() * s.unit().meters() > 2 * maxMeters || s.height() * s.unit().meters() > maxMeters) {
                return "That box is larger than the Earth.";
            }
        }
        return null;
    }

    /** A COUNT field: empty means all; otherwise a whole number from 1 to 100,000. Returns -1 with {@code problem} set. */
    public static Parsed count(String typed) {
        String t = typed == null ? "" : typed.strip().replace(",", "");
        if (t.isEmpty()) return new Parsed(0, null);
        try {
            long n = Long.parseLong(t);
            if (n < 1 || n > 100_000) return new Parsed(-1, "COUNT must be 1 … 100,000 (or empty for all).");
            return new Parsed(n, null);
        } catch (NumberFormatException e) {
            return new Parsed(-1, "COUNT '" + typed.strip() + "' is not a whole number.");
        }
    }

    /** A coordinate as shown in the fields: 6 decimals (about 0.1 m). */
    public static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
