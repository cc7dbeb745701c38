package dev.valkeyexplainer.concepts.pubsub;

import dev.valkeyexplainer.concept.Palette;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The tab's visual: the cluster picture on top, one sentence about the last message's path, and a
 * chat window per player below. The picture takes the height that is left; below its readable
 * minimum (a small window at a large scale) the whole visual scrolls instead ({@link #scrolling()}),
 * and the chat row scrolls sideways when more players join than fit.
 */
final class PubsubView extends VBox {

    final ClusterCanvas canvas;
    final Label caption = new Label("Send a message: its path through the cluster is drawn from the nodes' counters.");
    private final HBox chatRow = new HBox(8);
    private final Map<String, ChatPane> panes = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    PubsubView(ObjectProperty<Palette> palette) {
        canvas = new ClusterCanvas(palette);
        caption.setWrapText(true);
        caption.setId("pubsub-caption");
        caption.getStyleClass().add("pubsub-caption");
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        chatRow.getStyleClass().add("chat-row");
        chatRow.setFillHeight(true);
        ScrollPane chats = new ScrollPane(chatRow);
        chats.setFitToHeight(true);
        chats.setFitToWidth(true);
        chats.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chats.getStyleClass().add("chat-row-scroll");
        chats.setMinHeight(112);
        chats.setPrefHeight(190);
        getStyleClass().add("pubsub-view");
        setSpacing(6);
        setPadding(new Insets(0, 0, 4, 0));
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox.setVgrow(chats, Priority.ALWAYS); // a tall window gives the chat windows room too
        canvas.setMaxHeight(520);
        getChildren().addAll(canvas, caption, chats);
    }

    /** This view in a scroll pane that fits it to the space when there is enough, and scrolls when there is not. */
    javafx.scene.Node scrolling() {
        ScrollPane sp = new ScrollPane(this);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.getStyleClass().add("pubsub-visual-scroll");
        return sp;
    }

    /** FX thread: a pane for every player (in the room's order), with its state line. */
    void showPlayers(List<Player> players, Set<String> away) {
        List<ClusterCanvas.Avatar> avatars = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            Player p = players.get(i);
            ChatPane pane = panes.get(p.name());
            if (pane == null) {
                pane = new ChatPane(p.name(), i);
                panes.put(p.name(), pane);
                order.add(p.name());
                HBox.setHgrow(pane, Priority.ALWAYS);
                chatRow.getChildren().add(pane);
            }
            boolean isAway = away.contains(p.name());
            ChatMode m = p.mode();
            String state = isAway ? "away: client closed" : !p.online() ? "connecting…"
                    : m == null ? "not subscribed" : m.subscribeCommand() + (m == ChatMode.PATTERN ? " chat:*" : "");
            pane.showState(state, isAway);
            avatars.add(new ClusterCanvas.Avatar(p.name(), i, p.online()));
        }
        canvas.showAvatars(avatars);
    }

    ChatPane pane(String player) {
        return panes.get(player);
    }

    List<ChatPane> panes() {
        return order.stream().map(panes::get).toList();
    }

    void clearChats() {
        panes.values().forEach(ChatPane::clear);
    }
}
