package dev.valkeyexplainer.concepts.bloom;

import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The valkey-bloom side: the module's answers next to the glass box's, and BF.INFO; or why there is none. */
public final class ModulePanel extends VBox {

    final Label note = new Label(ModuleMirror.NO_MODULE);
    final VBox answers = new VBox(2);
    final GridPane info = new GridPane();

    public ModulePanel(BloomModel model) {
        super(6);
        note.setWrapText(true);
        note.setId("bloom-module-note");
        info.setHgap(10);
        info.setVgap(2);
        getChildren().addAll(note, answers, info);
        model.module.addListener((o, a, v) -> show(v));
    }

    private void show(ModuleMirror.View v) {
        answers.getChildren().clear();
        info.getChildren().clear();
        if (v == null) return;
        note.setText(v.note());
        for (String s : v.answers()) {
            Label l = new Label(s);
            l.getStyleClass().add("bloom-mono");
            l.setWrapText(true);
            answers.getChildren().add(l);
        }
        int row = 0;
        for (Map.Entry<String, String> e : v.info().entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("stat-caption");
            k.setWrapText(true);
            info.add(k, 0, row);
            info.add(new Label(e.getValue()), 1, row++);
        }
    }
}
