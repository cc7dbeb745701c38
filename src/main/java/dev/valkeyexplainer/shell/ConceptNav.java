package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * The side navigation: the talk's sections as groups, each concept under its group, in the talk's
 * order (the model is the sampler's sidebar in AtlantaFX). Choosing a concept opens it; the tree
 * follows the concept on screen whatever opened it (keys, search, history, talk mode).
 */
public final class ConceptNav extends VBox {

    private final TreeView<Object> tree = new TreeView<>();
    private final Map<Concept, TreeItem<Object>> items = new LinkedHashMap<>();
    private boolean updating;

    public ConceptNav(List<Concept> concepts, Consumer<Concept> open) {
        getStyleClass().add("concept-nav");
        setPrefWidth(190);
        setMinWidth(150);
        setId("concept-nav");
        TreeItem<Object> root = new TreeItem<>("Concepts");
        Map<ConceptGroup, TreeItem<Object>> groups = new LinkedHashMap<>();
        for (Concept c : concepts) {
            TreeItem<Object> g = groups.computeIfAbsent(c.group(), k -> {
                TreeItem<Object> item = new TreeItem<>(k);
                item.setExpanded(true);
                root.getChildren().add(item);
                return item;
            });
            TreeItem<Object> leaf = new TreeItem<>(c);
            g.getChildren().add(leaf);
            items.put(c, leaf);
        }
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setFocusTraversable(false);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("nav-group", "nav-concept");
                setTooltip(null);
                if (empty || v == null) {
                    setText(null);
                    setGraphic(null);
                } else if (v instanceof ConceptGroup g) {
                    getStyleClass().add("nav-group");
                    String key = g == ConceptGroup.SERVER ? "Alt+Home" : "Ctrl+" + g.shortcutDigit();
                    setText(g.title());
                    Label k = new Label(key);
                    k.getStyleClass().add("nav-key");
                    setGraphic(null);
                    setTooltip(new Tooltip(g.summary() + " (" + key + ")"));
                } else if (v instanceof Concept c) {
                    getStyleClass().add("nav-concept");
                    setText(c.title());
                    setGraphic(null);
                    setTooltip(new Tooltip(c.summary()));
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (updating || now == null) return;
            if (now.getValue() instanceof Concept c) {
                open.accept(c);
            } else if (now.getValue() instanceof ConceptGroup && !now.getChildren().isEmpty()) {
                open.accept((Concept) now.getChildren().get(0).getValue());
            }
        });
        getChildren().add(tree);
        VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
    }

    /** FX thread: marks the concept on screen without opening it again. */
    public void show(Concept c) {
        TreeItem<Object> item = items.get(c);
        if (item == null) return;
        updating = true;
        try {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) tree.scrollTo(Math.max(0, row - 2));
        } finally {
            updating = false;
        }
    }

    public TreeView<Object> tree() {
        return tree;
    }
}
