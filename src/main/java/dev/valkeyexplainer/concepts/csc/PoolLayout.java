package dev.valkeyexplainer.concepts.csc;

/**
 * Where things are on the pool diagram, as fractions of its size: the App column, the ten slots, the
 * Valkey column, the top band; and the polylines the dots walk. Pure functions of (width, height).
 */
final class PoolLayout {

    /** The top band's height: the roles line and the last GET / invalidation. */
    static final double BAND = 36;

    private PoolLayout() {
    }


    static double rowH(double h) {
        return (h - BAND - 20) / (DataPool.SIZE + 1);
    }

    static double rowY(int slot, double h) {
        return BAND + slot * rowH(h) + rowH(h) / 2;
    }

    /** Narrow (a large UI scale): thinner side columns, so the slots keep their room. */
    static boolean narrow(double w) {
        return w < 520;
    }

    static double appRight(double w) {
        return w * (narrow(w) ? 0.17 : 0.20);
    }

    static double slotLeft(double w) {
        return w * (narrow(w) ? 0.21 : 0.25);
    }

    static double slotRight(double w) {
        return w * 0.66;
    }

    static double valkeyLeft(double w) {
        return w * 0.71;
    }

    static double valkeyBottom(double h) {
        return h * 0.74;
    }

    /** The dot's polyline, from where it starts to where it ends. */
    static double[][] path(PoolDiagram.Kind kind, int slot, double w, double h) {
        double y = rowY(Math.max(0, slot), h);
        double vy = Math.min(y, valkeyBottom(h) - 8);
        double y0 = rowY(0, h);
        return switch (kind) {
            case GET -> new double[][]{{appRight(w), y}, {slotLeft(w), y}, {slotRight(w), y}, {valkeyLeft(w), vy},
                    {slotRight(w), y}, {slotLeft(w), y}, {appRight(w), y}};
            case INVALIDATION -> new double[][]{{valkeyLeft(w), y0}, {slotRight(w), y0}, {slotLeft(w), y0}, {appRight(w), y0}};
            case WRITE -> slot < 0 ? new double[][]{{(valkeyLeft(w) + w) / 2, h - 26}, {(valkeyLeft(w) + w) / 2, valkeyBottom(h)}}
                    : new double[][]{{slotRight(w), y}, {valkeyLeft(w), vy}};
        };
    }

    static double[] at(double[][] pts, double f) {
        double total = 0;
        for (int i = 1; i < pts.length; i++) total += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
        double d = f * total;
        for (int i = 1; i < pts.length; i++) {
            double seg = Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
            if (d <= seg || i == pts.length - 1) {
                double t = seg == 0 ? 1 : Math.min(1, d / seg);
                return new double[]{pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])};
            }
            d -= seg;
        }
        return pts[pts.length - 1];
    }
}
