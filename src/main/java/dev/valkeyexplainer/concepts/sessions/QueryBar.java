package dev.valkeyexplainer.concepts.sessions;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under both stores: the last {@code JSON.GET key path}, the server's raw reply, what the reply means
 * (the path's dialect, how many nodes it matched) and what the Hash could do for the same question.
 */
final class QueryBar extends VBox {

    final Label command = new Label();
    final TextArea reply = new TextArea();
    final Label note = new Label();

    QueryBar() {
        super(3);
        getStyleClass().add("sessions-query");
        command.setId("sessions-json-command");
        command.getStyleClass().addAll("sessions-command", "may-elide");
        reply.setId("sessions-json-reply");
        reply.setEditable(false);
        reply.setWrapText(true);
        reply.setPrefRowCount(2);
        reply.setMinHeight(40);
        reply.getStyleClass().add("code");
        note.setId("sessions-json-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(command, reply, note);
        show(null);
    }

    void show(SessionsModel.Query q) {
        if (q == null) {
            command.setText("JSON.GET key path: the nodes a path matches light up above.");
            command.setTooltip(new Tooltip("Run a path from the panel: its reply shows here, and the nodes it is made of light up in the tree."));
            reply.setText("");
            note.setText("");
            return;
        }
        String cmd = "JSON.GET key " + q.path();
        command.setText(cmd);
        command.setTooltip(new Tooltip(cmd));
        reply.setText(q.error() != null ? "(error) " + q.error() : q.reply() == null ? "(nil)" : q.reply());
        note.setText(noteFor(q) + (q.hashNote().isEmpty() ? "" : " " + q.hashNote()));
    }

    /** What the reply means: the dialect, how many nodes matched, and the round trip. */
    static String noteFor(SessionsModel.Query q) {
        String dialect = q.jsonPath() ? "JSONPath ($…): an array of every match" : "Restricted path (no $): one value";
        if (q.error() != null) return dialect + ". The server refused the path: nothing is highlighted, nothing changed.";
        String matched = q.matches().isEmpty() ? (q.agrees() ? "it matched nothing" : "the app could not place the reply in the tree")
                : q.matches().size() + " node" + (q.matches().size() == 1 ? "" : "s") + " highlighted";
        return String.format(Locale.ROOT, "%s; %s; %,d µs round trip.", dialect, matched, q.micros());
    }
}
