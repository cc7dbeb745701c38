package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * Ctrl+K (or /): a search box over the window that finds a concept by title, command or keyword
 * (e.g. "GEOSEARCH", "lock", "bloom"); Enter or a click opens it, Up/Down choose, Esc closes.
 */
public final class SearchOverlay extends StackPane {

    private final TextField field = TextFields.createClearableTextField();
    private final ListView<Concept> results = new ListView<>();
    private final List<Concept> concepts;
    private final Consumer<Concept> open;
    private final Label noMatch = new Label();

    /** One result: its nodes are made once and filled on each update (a cell that makes new nodes per update can show empty). */
    private static final class ResultCell extends ListCell<Concept> {
        private final Label title = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(1, title, where);

        ResultCell() {
            title.getStyleClass().add("search-title");
            where.getStyleClass().add("muted");
            where.setWrapText(true);
            where.setMaxWidth(520);
            setText(null);
        }

        @Override
        protected void updateItem(Concept c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            title.setText(c.title());
            where.setText(c.group().title() + " · " + c.summary());
            setGraphic(box);
        }
    }

    public SearchOverlay(List<Concept> concepts, Consumer<Concept> open) {
        this.concepts = concepts;
        this.open = open;
        getStyleClass().add("search-overlay");
        setId("search-overlay");
        field.setId("search-field");
        field.setPromptText("Search concepts, commands, keywords…");
        results.setId("search-results");
        results.setPrefHeight(300);
        results.setCellFactory(l -> new ResultCell());
        results.setPlaceholder(noMatch);
        noMatch.getStyleClass().add("muted");
        field.textProperty().addListener((o, a, q) -> refresh(q));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                results.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                results.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                choose();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> choose());
        Label title = new Label("Go to a concept");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("Enter opens · ↑↓ choose · Esc closes");
        hint.getStyleClass().add("muted");
        VBox card = new VBox(8, title, field, results, hint);
        card.getStyleClass().add("search-card");
        card.setMaxSize(600, USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) hide();
        });
    }

    private void refresh(String q) {
        noMatch.setText("No concept matches '" + q.strip() + "'. Try a command (GEOSEARCH), an idea (lock) or a title.");
        results.getItems().setAll(ConceptSearch.find(concepts, q));
        if (!results.getItems().isEmpty()) results.getSelectionModel().select(0);
    }

    /** FX thread: shows the box with an empty query and the focus in it. */
    public void show() {
        field.clear();
        refresh("");
        setVisible(true);
        field.requestFocus();
    }

    public void hide() {
        setVisible(false);
    }

    private void choose() {
        Concept c = results.getSelectionModel().getSelectedItem();
        if (c == null) return;
        hide();
        open.accept(c);
    }

    TextField field() {
        return field;
    }

    ListView<Concept> results() {
        return results;
    }
}
