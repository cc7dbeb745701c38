package dev.valkeyexplainer.concepts.geo;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What a GEOSEARCH did underneath, as a table: the step picked for the radius, then each of the 9
 * cells with its score range in the sorted set, how many members that range holds (the real
 * {@code ZRANGE … BYSCORE} run by the app), and how many of them the distance filter kept.
 */
final class ScanTable extends VBox {

    final Label summary = new Label("Run a search: the cells it scans appear here and on the map.");
    final Label answer = new Label();
    private final GridPane grid = new GridPane();

    ScanTable() {
        super(4);
        getStyleClass().add("geo-scan");
        summary.setWrapText(true);
        summary.setId("geo-scan-summary");
        answer.setWrapText(true);
        answer.setId("geo-answer");
        answer.getStyleClass().add("geo-answer");
        grid.setHgap(12);
        grid.setVgap(1);
        grid.getStyleClass().add("geo-grid");
        getChildren().addAll(summary, answer, grid);
    }

    void show(GeoModel.Search s) {
        grid.getChildren().clear();
        if (s == null) return;
        ScanPlan plan = s.plan();
        GeoHash.Cell centre = plan.cells().get(0).cell();
        summary.setText(String.format(Locale.ROOT, "%s around %s → step %d%s → cells of %s × %s → %d range queries → %d"
                        + " candidate%s → distance filter (Haversine) → %d in the answer. Round trip of the GEOSEARCH: %,d µs.",
                s.shape().describe(), s.fromMember() != null ? "member " + s.fromMember() : String.format(Locale.ROOT, "%.5f, %.5f",
                        s.shape().lon(), s.shape().lat()), plan.step(),
                plan.decreased() ? " (estimate " + plan.estimatedStep() + ", one coarser: a neighbour did not reach the edge)"
                        : Math.abs(s.shape().lat()) > 66 ? " (coarser near the pole)" : "",
                BasemapPainter.length(centre.widthMeters()), BasemapPainter.length(centre.heightMeters()), plan.scanned().size(),
                s.candidates(), s.candidates() == 1 ? "" : "s", s.hits().size(), s.micros()));
        StringBuilder sb = new StringBuilder();
        for (GeoCommands.Hit h : s.hits()) {
            if (sb.length() > 0) sb.append(" · ");
            sb.append(h.member()).append(' ').append(SearchShape.fmt(Math.round(h.distance() * 100) / 100.0)).append(' ')
                    .append(s.shape().unit());
        }
        answer.setText(s.hits().isEmpty() ? "Answer: nobody." : "Answer, nearest first: " + sb);
        String[] heads = {"Cell", "Score range [min, max)", "In range", "Kept"};
        for (int c = 0; c < heads.length; c++) grid.add(head(heads[c]), c, 0);
        int row = 1;
        for (ScanPlan.ScanCell c : plan.cells()) {
            grid.add(new Label(c.direction()), 0, row);
            if (!c.scanned()) {
                Label skip = new Label(c.excluded() ? "skipped: the shape does not reach this side" : "skipped: same cell as the one before");
                skip.getStyleClass().add("stat-caption");
                grid.add(skip, 1, row, 3, 1);
            } else {
                grid.add(mono(String.format(Locale.ROOT, "%,d … %,d", c.cell().minScore(), c.cell().maxScore())), 1, row);
                GeoModel.CellRead read = s.reads().stream().filter(r -> r.cell() == c).findFirst().orElse(null);
                long n = read == null ? 0 : read.candidates().size();
                long kept = read == null ? 0 : read.candidates().stream()
                        .filter(m -> s.hits().stream().anyMatch(h -> h.member().equals(m))).count();
                grid.add(new Label(Long.toString(n)), 2, row);
                grid.add(new Label(Long.toString(kept)), 3, row);
            }
            row++;
        }
    }

    private static Label head(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("stat-caption");
        return l;
    }

    private static Label mono(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("geo-mono");
        return l;
    }
}
