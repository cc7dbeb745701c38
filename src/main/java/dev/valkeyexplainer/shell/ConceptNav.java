package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.valkey.Capability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    /** The list's width in logical pixels; wider while concepts carry a "read-only" or "off" mark. */
    static final double WIDTH = 190, WIDTH_WITH_MARKS = 250;

    private final TreeView<Object> tree = new TreeView<>();
    private final Map<Concept, TreeItem<Object>> items = new LinkedHashMap<>();
    private final Map<Concept, Limit> limits = new HashMap<>();
    private boolean updating;

    /**
     * What the connected user's ACL takes from a concept: {@code effect} "read-only" (writes refused)
     * or "off" (its mechanism refused: scripts, CLIENT commands, Pub/Sub), and the sentence why.
     */
    public record Limit(String effect, String why) {
    }

    public ConceptNav(List<Concept> concepts, Consumer<Concept> open) {
        getStyleClass().add("concept-nav");
        setPrefWidth(WIDTH);
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
                    Limit limit = limits.get(c);
                    if (limit == null) {
                        setGraphic(null);
                        setTooltip(new Tooltip(c.summary()));
                    } else {
                        Label badge = new Label(limit.effect());
                        badge.getStyleClass().add("nav-limit");
                        setGraphic(badge);
                        setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                        setTooltip(new Tooltip(c.summary() + "\n" + limit.why()));
                    }
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

    /** FX thread: marks the concepts the user's ACL limits, from the commands the server refused (NOPERM). */
    public void showLimits(Collection<String> denied) {
        Map<Concept, Limit> now = new HashMap<>();
        for (Concept c : items.keySet()) {
            Limit l = limitOf(c, denied);
            if (l != null) now.put(c, l);
        }
        if (now.equals(limits)) return;
        limits.clear();
        limits.putAll(now);
        setPrefWidth(limits.isEmpty() ? WIDTH : WIDTH_WITH_MARKS); // "Semantic cache read-only" whole
        tree.refresh();
    }

    /** The concept's limit under {@code denied}, or null when the user may do everything it needs. */
    static Limit limitOf(Concept c, Collection<String> denied) {
        List<String> lost = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        boolean off = false;
        for (Capability cap : Capability.values()) {
            if (!c.needs().contains(cap) || !cap.refusedBy(denied)) continue;
            lost.add(cap.what());
            refused.addAll(cap.refusals(denied));
            if (!cap.effect().equals(Capability.WRITE.effect())) off = true;
        }
        if (lost.isEmpty()) return null;
        String effect = off ? "off" : Capability.WRITE.effect();
        return new Limit(effect, (off ? "Off" : "Read-only") + " for this user: the concept " + String.join(" and ", lost)
                + ", which the server's ACL refused (NOPERM: " + String.join(", ", refused) + ").");
    }

    /** The concept's current limit, or null. */
    public Limit limit(Concept c) {
        return limits.get(c);
    }

    public TreeView<Object> tree() {
        return tree;
    }
}
