package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Palette;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One member's geohash, read from the server: ZSCORE as 52 interleaved bits, the two 26-bit axes it
 * splits into, the cell they decode to (GEOPOS is its centre), how far that is from where the member
 * was put, the GEOHASH string (standard bounds, so other bits), and who shares the cell at the
 * chosen precision.
 */
final class ScorePanel extends VBox {

    final ScoreStrip strip;
    final Label scoreLine = line("geo-score");
    final Label axesLine = line(null);
    final Label cellLine = line("geo-cell");
    final Label hashLine = line(null);
    final Label neighboursLine = line("geo-neighbours");

    ScorePanel(ObjectProperty<Palette> palette) {
        super(3);
        strip = new ScoreStrip(palette);
        getStyleClass().add("geo-score-panel");
        getChildren().addAll(strip, scoreLine, axesLine, cellLine, hashLine, neighboursLine);
        scoreLine.setText("Click a member on the map: its sorted-set score is its position.");
    }

    private static Label line(String id) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (id != null) l.setId(id);
        return l;
    }

    void show(GeoModel.Detail d, double[] placedAt) {
        if (d == null) {
            strip.show(-1, 26);
            return;
        }
        long s = d.score();
        strip.show(s, d.step());
        long axes = GeoHash.deinterleave(s);
        long latBits = axes & 0xFFFFFFFFL;
        long lonBits = axes >>> 32;
        GeoHash.Cell full = GeoHash.cellOfScore(s);
        GeoHash.Cell cell = d.cell();
        scoreLine.setText(String.format(Locale.ROOT, "ZSCORE %s %s = %,d: a 52-bit integer, stored as the member's score.",
                d.key(), d.member(), s));
        axesLine.setText(String.format(Locale.ROOT, "Longitude bits %s = slice %,d of 2^26 across -180…180°; latitude bits"
                        + " %s = slice %,d of 2^26 across ±85.05112878°.", bin(lonBits), lonBits, bin(latBits), latBits));
        String error;
        if (placedAt != null) {
            double e = GeoHash.distance(placedAt[0], placedAt[1], d.geopos()[0], d.geopos()[1]);
            error = String.format(Locale.ROOT, " It was put at %.7f, %.7f: %.2f m away.", placedAt[0], placedAt[1], e);
        } else {
            error = String.format(Locale.ROOT, " It was put somewhere in the cell: at most %.2f m from the centre.",
                    Math.hypot(full.widthMeters(), full.heightMeters()) / 2);
        }
        cellLine.setText(String.format(Locale.ROOT, "Decoded: a cell of %.2f m × %.2f m; GEOPOS %.7f, %.7f is its centre.%s",
                full.widthMeters(), full.heightMeters(), d.geopos()[0], d.geopos()[1], error));
        hashLine.setText("GEOHASH " + d.geohash() + ": the usual base-32 geohash, encoded with latitude ±90° (not ±85.05°),"
                + " so its bits are not the score's; 52 bits make 10.4 characters, the 11th is always 0.");
        neighboursLine.setText(String.format(Locale.ROOT, "At step %d the cell is %s × %s, scores %,d … %,d: %s.", d.step(),
                BasemapPainter.length(cell.widthMeters()), BasemapPainter.length(cell.heightMeters()), cell.minScore(),
                cell.maxScore() - 1, d.cellMembers().size() <= 1 ? "nobody else is in it" : "in it (ZRANGE BYSCORE): "
                        + String.join(", ", d.cellMembers().subList(0, Math.min(12, d.cellMembers().size())))
                        + (d.cellMembers().size() > 12 ? ", …" : "")));
    }

    private static String bin(long v) {
        String b = Long.toBinaryString(v);
        return "0".repeat(Math.max(0, 26 - b.length())) + b;
    }
}
