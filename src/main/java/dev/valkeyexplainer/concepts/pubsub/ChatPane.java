package dev.valkeyexplainer.concepts.pubsub;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One player's chat window, as the game would render it: what this player's client received, in
 * bubbles with the sender and the time (from the message's JSON), and what the player sent, with the
 * server's receiver count beside it. Only what really reached this client's callback appears here.
 */
final class ChatPane extends VBox {

    static final int KEPT = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final String player;
    private final Label state = new Label();
    private final VBox lines = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(lines);

    ChatPane(String player, int colour) {
        this.player = player;
        getStyleClass().addAll("chat-pane", "chat-colour-" + colour);
        setId("chat-" + player);
        Label name = new Label(ChatPane.title(player));
        name.getStyleClass().add("chat-name");
        state.getStyleClass().add("chat-state");
        state.setMinWidth(0);
        Region dot = new Region();
        dot.getStyleClass().add("chat-dot");
        HBox head = new HBox(6, dot, name, state);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("chat-head");
        lines.getStyleClass().add("chat-lines");
        lines.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("chat-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        lines.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1.0)); // the newest line stays in view
        getChildren().addAll(head, scroll);
        setMinWidth(150);
        setPrefWidth(210);
        setMinHeight(100);
    }

    static String title(String player) {
        if (player.equals(ChatRoom.GUILD_LOG)) return "Guild log";
        return Character.toUpperCase(player.charAt(0)) + player.substring(1);
    }

    String player() {
        return player;
    }

    /** The line under the name: how the client listens, or that it is away. */
    void showState(String text, boolean away) {
        state.setText(text);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("away"), away);
    }

    /** A message this player's client received. */
    void received(Player.Delivery d) {
        Optional<ChatMessage> m = ChatMessage.parse(d.payload());
        String who = m.map(ChatMessage::sender).orElse("?");
        if (who.equals(player)) return; // the player's own line is shown when sent, with its receiver count
        String meta = ChatPane.title(who) + "  " + m.map(x -> TIME.format(x.time())).orElse("");
        if (d.pattern() != null) meta += "  via " + d.pattern();
        add(bubble(meta, m.map(ChatMessage::text).orElse(d.payload()), false, null));
    }

    /** What this player sent, with the server's reply and who really got it. */
    void sent(Sent s) {
        String note = String.format(Locale.ROOT, "%s → %d (%s)", s.mode().publishCommand(), s.receivers(),
                s.deliveredTo().isEmpty() ? "nobody got it" : "got it: " + String.join(", ", s.deliveredTo().stream().sorted()
                        .map(ChatPane::title).toList()));
        Label b = bubble("You  " + TIME.format(s.message().time()), s.message().text(), true, note);
        add(b);
    }

    /** A line from the app, not from Valkey (e.g. "left the chat"). */
    void notice(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("chat-notice");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        add(l);
    }

    private Label bubble(String meta, String text, boolean own, String note) {
        Label l = new Label(meta + "\n" + text + (note == null ? "" : "\n" + note));
        l.setWrapText(true);
        l.getStyleClass().addAll("chat-bubble", own ? "chat-own" : "chat-other");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void add(Node n) {
        lines.getChildren().add(n);
        while (lines.getChildren().size() > KEPT) lines.getChildren().remove(0);
    }

    /** The texts of the bubbles, oldest first (tests). */
    java.util.List<String> texts() {
        return lines.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    void clear() {
        lines.getChildren().clear();
    }
}
