package dev.valkeyexplainer.concepts.bloom;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The walk through the last add or test, line by line: the item's hash (computed in Java), each hash
 * position with the bit it read from the server and who set it (the tab's own record), and the script's
 * answer explained.
 */
public final class WalkPanel extends VBox {

    final Label title = new Label("Add or test an item to see where it lands.");
    final Label hash = new Label();
    final VBox lines = new VBox(2);
    final Label verdict = new Label();
    final Label source = new Label("\"set by\" comes from this tab's own record of its adds, not from the server: a Bloom filter"
            + " keeps only bits, never the items.");

    public WalkPanel(BloomModel model) {
        super(4);
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        hash.getStyleClass().add("bloom-mono");
        hash.setWrapText(true);
        verdict.setId("bloom-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("bloom-verdict");
        source.getStyleClass().add("stat-caption");
        source.setWrapText(true);
        source.managedProperty().bind(source.visibleProperty());
        source.setVisible(false);
        getChildren().addAll(title, hash, lines, verdict, source);
        model.walk.addListener((o, a, w) -> show(w));
    }

    private void show(BloomModel.Walk w) {
        lines.getChildren().clear();
        if (w == null) {
            source.setVisible(false);
            title.setText("Add or test an item to see where it lands.");
            hash.setText("");
            verdict.setText("");
            return;
        }
        title.setText((w.add() ? "Adding " : "Testing ") + "\"" + w.item() + "\"");
        hash.setText("MurmurHash3_x64_128(\"" + w.item() + "\"), computed in Java:\nh1 = " + BloomHash.hex(w.h1())
                + "\nh2 = " + BloomHash.hex(w.h2()));
        for (BloomModel.Probe p : w.probes()) {
            String who = p.setBy().isEmpty() ? "" : " · set by " + Verdict.names(p.setBy());
            Label l = new Label(String.format(Locale.ROOT, "%shash #%d = %s → bit %,d is %s%s", p.filter() > 0 || multi(w) ? "#" + p.filter()
                    + " · " : "", p.hash() + 1, p.formula(), p.position(), p.bit() < 0 ? "?" : String.valueOf(p.bit()), who));
            l.getStyleClass().addAll("bloom-mono", p.bit() == 0 ? "bloom-zero" : "bloom-one");
            l.setWrapText(true);
            lines.getChildren().add(l);
        }
        verdict.setText(w.verdict());
        source.setVisible(w.probes().stream().anyMatch(p -> !p.setBy().isEmpty()) || w.verdict().contains("set by"));
        verdict.getStyleClass().removeAll("bloom-maybe", "bloom-no", "bloom-fp");
        if (!w.verdict().isEmpty()) {
            verdict.getStyleClass().add(w.verdict().contains("false positive") ? "bloom-fp"
                    : w.verdict().startsWith("Definitely") ? "bloom-no" : "bloom-maybe");
        }
    }

    private static boolean multi(BloomModel.Walk w) {
        return w.probes().stream().anyMatch(p -> p.filter() > 0);
    }
}
