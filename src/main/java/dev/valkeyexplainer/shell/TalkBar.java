package dev.valkeyexplainer.shell;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Talk mode's strip above the status bar: a thin progress line over the whole talk, "section 4 of 9 ·
 * step 3 of 6 · <title>", the speaker note (in the window, or in a second window for the presenter's
 * own screen), and back / next / leave buttons.
 */
public final class TalkBar extends VBox {

    private final TalkMode talk;
    private final ProgressBar line = new ProgressBar(0);
    private final Label progress = new Label();
    private final Label state = new Label();
    private final Label note = new Label();
    private final ToggleButton notes = new ToggleButton("Notes");
    private Stage notesWindow;
    private final Label windowNote = new Label();
    private final Label windowProgress = new Label();

    public TalkBar(TalkMode talk, Runnable leave) {
        this.talk = talk;
        getStyleClass().add("talk-bar");
        setId("talk-bar");
        line.setMaxWidth(Double.MAX_VALUE);
        line.getStyleClass().add("talk-line");
        progress.getStyleClass().add("talk-progress");
        progress.setId("talk-progress");
        progress.setMinWidth(0);
        state.getStyleClass().add("muted");
        state.setMinWidth(0);
        note.getStyleClass().add("talk-note");
        note.setId("talk-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        note.visibleProperty().bind(notes.selectedProperty());
        notes.setSelected(true);
        notes.setFocusTraversable(false);
        notes.setTooltip(new Tooltip("Show the speaker notes here"));
        Button window = new Button("Notes window");
        window.setFocusTraversable(false);
        window.setTooltip(new Tooltip("The speaker notes in a second window, for the presenter's own screen"));
        window.setOnAction(e -> openNotesWindow(getScene() == null ? null : getScene().getWindow()));
        Button back = new Button("◀ Back");
        back.setFocusTraversable(false);
        back.setTooltip(new Tooltip("Previous step (PageUp)"));
        back.setOnAction(e -> talk.previous());
        Button next = new Button("Next ▶");
        next.setId("talk-next");
        next.setFocusTraversable(false);
        next.setTooltip(new Tooltip("Next step (PageDown, Right or Space)"));
        next.setOnAction(e -> talk.next());
        Button exit = new Button("Leave talk");
        exit.setFocusTraversable(false);
        exit.setTooltip(new Tooltip("Esc"));
        exit.setOnAction(e -> leave.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(0);
        progress.getStyleClass().add("may-elide");
        state.getStyleClass().add("may-elide");
        FoldingBar row = new FoldingBar();
        row.setSpacing(8);
        row.getChildren().addAll(progress, state, spacer, notes, window, back, next, exit);
        for (javafx.scene.Node n : new javafx.scene.Node[]{notes, window, back, next, exit}) {
            ((javafx.scene.control.Control) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        // on a narrow projector the window's own buttons step aside; the keys (PageDown, PageUp, Esc) always work
        row.setFoldOrder(java.util.List.of(java.util.List.of(window), java.util.List.of(notes), java.util.List.of(back)), null);
        row.setAlignment(Pos.CENTER_LEFT);
        note.setMaxHeight(Region.USE_PREF_SIZE);
        talk.refusalProperty().addListener((o, a, why) -> {
            if (!why.isEmpty()) state.setText(why);
        });
        getChildren().addAll(line, row, note);
        talk.positionProperty().addListener((o, a, p) -> show(p));
    }

    private void show(TalkMode.Position p) {
        if (p == null) return;
        line.setProgress((p.index() + 1.0) / p.total());
        String text = p.progress() + " · " + p.concept().title() + ": " + p.talkStep().title();
        progress.setText(text);
        state.setText(p.running() ? "running…" : !p.error().isEmpty() ? p.error() : talk.atEnd() ? "end of the talk" : "");
        progress.setTooltip(new javafx.scene.control.Tooltip(progress.getText()));
        state.getStyleClass().remove("error-text");
        if (!p.error().isEmpty()) state.getStyleClass().add("error-text");
        note.setText(p.talkStep().note());
        windowProgress.setText(text);
        windowNote.setText(p.talkStep().note());
    }

    /** A second window with the notes in large type (drag it to the presenter's screen). */
    public void openNotesWindow(Window owner) {
        if (notesWindow == null) {
            notesWindow = new Stage();
            notesWindow.setTitle("Speaker notes · Valkey Explainer");
            windowNote.setWrapText(true);
            windowNote.getStyleClass().add("notes-window-note");
            windowProgress.getStyleClass().add("talk-progress");
            VBox box = new VBox(16, windowProgress, windowNote);
            box.getStyleClass().add("notes-window");
            Scene scene = new Scene(box, 640, 360);
            if (getScene() != null) scene.getStylesheets().setAll(getScene().getStylesheets());
            // the clicker keeps working when the presenter's screen (this window) has the focus
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                switch (e.getCode()) {
                    case PAGE_DOWN, RIGHT, SPACE -> talk.next();
                    case PAGE_UP, LEFT -> talk.previous();
                    default -> {
                        return;
                    }
                }
                e.consume();
            });
            if (owner != null) notesWindow.initOwner(owner); // closes with the main window
            notesWindow.setScene(scene);
        }
        notesWindow.show();
        notesWindow.toFront();
    }

    public void closeNotesWindow() {
        if (notesWindow != null) notesWindow.hide();
    }

    public String progressText() {
        return progress.getText();
    }

    public String noteText() {
        return note.getText();
    }
}
